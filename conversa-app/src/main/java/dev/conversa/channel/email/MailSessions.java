package dev.conversa.channel.email;

import dev.conversa.channel.Inbox;
import jakarta.mail.Session;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Jakarta Mail sessions from inbox settings: {@code address}, {@code imapHost}, {@code imapPort},
 * {@code imapSecurity} and {@code smtpHost}, {@code smtpPort}, {@code smtpSecurity} (each {@code none},
 * {@code starttls} or {@code ssl}), optional {@code username} (defaults to the address); secret {@code password}.
 */
final class MailSessions {
    private MailSessions() {
    }

    static Session imap(Inbox inbox) {
        Map<String, String> s = inbox.settings();
        String security = s.getOrDefault("imapSecurity", "ssl").toLowerCase(Locale.ROOT);
        String protocol = security.equals("ssl") ? "imaps" : "imap";
        Properties p = new Properties();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".host", s.getOrDefault("imapHost", ""));
        p.put("mail." + protocol + ".port", s.getOrDefault("imapPort", security.equals("ssl") ? "993" : "143"));
        p.put("mail." + protocol + ".starttls.enable", String.valueOf(security.equals("starttls")));
        p.put("mail." + protocol + ".starttls.required", String.valueOf(security.equals("starttls")));
        p.put("mail." + protocol + ".connectiontimeout", "15000");
        p.put("mail." + protocol + ".timeout", "60000");
        return Session.getInstance(p);
    }

    static String imapProtocol(Inbox inbox) {
        return inbox.settings().getOrDefault("imapSecurity", "ssl").equalsIgnoreCase("ssl") ? "imaps" : "imap";
    }

    static Session smtp(Inbox inbox, boolean auth) {
        Map<String, String> s = inbox.settings();
        String security = s.getOrDefault("smtpSecurity", "starttls").toLowerCase(Locale.ROOT);
        String protocol = security.equals("ssl") ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", s.getOrDefault("smtpHost", ""));
        p.put("mail." + protocol + ".port", s.getOrDefault("smtpPort", security.equals("ssl") ? "465" : "587"));
        p.put("mail." + protocol + ".auth", String.valueOf(auth));
        p.put("mail." + protocol + ".starttls.enable", String.valueOf(security.equals("starttls")));
        p.put("mail." + protocol + ".starttls.required", String.valueOf(security.equals("starttls")));
        p.put("mail." + protocol + ".connectiontimeout", "15000");
        p.put("mail." + protocol + ".timeout", "60000");
        return Session.getInstance(p);
    }

    static String smtpProtocol(Inbox inbox) {
        return inbox.settings().getOrDefault("smtpSecurity", "starttls").equalsIgnoreCase("ssl") ? "smtps" : "smtp";
    }

    static String username(Inbox inbox) {
        String u = inbox.settings().get("username");
        return u == null || u.isBlank() ? inbox.settings().get("address") : u;
    }
}
