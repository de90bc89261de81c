package dev.conversa.channel.email;

import dev.conversa.channel.Inbox;
import jakarta.mail.Session;
import java.util.Properties;

/** Jakarta Mail sessions from an inbox's {@link EmailSettings}; the secret {@code password} is given at connect. */
final class MailSessions {
    private MailSessions() {
    }

    static Session imap(Inbox inbox) {
        EmailSettings s = EmailSettings.of(inbox);
        String protocol = imapProtocol(inbox);
        Properties p = new Properties();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".host", s.imapHost() == null ? "" : s.imapHost());
        p.put("mail." + protocol + ".port", String.valueOf(s.imapPortOrDefault()));
        p.put("mail." + protocol + ".starttls.enable", String.valueOf(s.imapSecurity().equals("starttls")));
        p.put("mail." + protocol + ".starttls.required", String.valueOf(s.imapSecurity().equals("starttls")));
        p.put("mail." + protocol + ".connectiontimeout", "15000");
        p.put("mail." + protocol + ".timeout", "60000");
        return Session.getInstance(p);
    }

    static String imapProtocol(Inbox inbox) {
        return EmailSettings.of(inbox).imapSsl() ? "imaps" : "imap";
    }

    static Session smtp(Inbox inbox, boolean auth) {
        EmailSettings s = EmailSettings.of(inbox);
        String protocol = smtpProtocol(inbox);
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", s.smtpHost() == null ? "" : s.smtpHost());
        p.put("mail." + protocol + ".port", String.valueOf(s.smtpPortOrDefault()));
        p.put("mail." + protocol + ".auth", String.valueOf(auth));
        p.put("mail." + protocol + ".starttls.enable", String.valueOf(s.smtpSecurity().equals("starttls")));
        p.put("mail." + protocol + ".starttls.required", String.valueOf(s.smtpSecurity().equals("starttls")));
        p.put("mail." + protocol + ".connectiontimeout", "15000");
        p.put("mail." + protocol + ".timeout", "60000");
        return Session.getInstance(p);
    }

    static String smtpProtocol(Inbox inbox) {
        return EmailSettings.of(inbox).smtpSsl() ? "smtps" : "smtp";
    }

    static String username(Inbox inbox) {
        return EmailSettings.of(inbox).login();
    }
}
