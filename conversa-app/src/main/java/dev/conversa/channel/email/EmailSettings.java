package dev.conversa.channel.email;

import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.Inbox;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An email inbox's settings, typed. {@link #SPEC} is what the channel declares (the admin form and the check before
 * storing come from it); {@link #of} reads a stored inbox, falling back to the defaults for a value an older inbox
 * may hold that is no longer accepted.
 *
 * @param address      the mailbox's address: From of replies, and the login when {@code username} is empty
 * @param imapSecurity {@code ssl}, {@code starttls} or {@code none}
 * @param imapPort     {@code null}: 993 with ssl, 143 otherwise
 * @param smtpPort     {@code null}: 465 with ssl, 587 otherwise
 */
record EmailSettings(String address, String fromName, String username, String imapHost, Integer imapPort,
                     String imapSecurity, String imapFolder, boolean imapIdle, int pollSeconds, int idleRefreshSeconds,
                     String smtpHost, Integer smtpPort, String smtpSecurity) {
    private static final List<String> SECURITY = List.of("ssl", "starttls", "none");

    static final List<ChannelSetting> SPEC = List.of(
            ChannelSetting.email("address", "The mailbox's address: the From of replies, and the login unless username is set"),
            ChannelSetting.text("fromName", "The name replies come from (default: the inbox's name)"),
            ChannelSetting.text("username", "Login for IMAP and SMTP when it is not the address"),
            ChannelSetting.text("imapHost", "IMAP server; without it the inbox only sends"),
            ChannelSetting.number("imapPort", null, "IMAP port (default 993 with ssl, 143 otherwise)"),
            ChannelSetting.choice("imapSecurity", "ssl", SECURITY, "ssl (IMAPS), starttls or none"),
            ChannelSetting.text("imapFolder", "Folder to read").withDefault("INBOX"),
            ChannelSetting.bool("imapIdle", true, "Wait in IMAP IDLE when the server offers it, so mail arrives at once"),
            ChannelSetting.number("pollSeconds", 30, "Seconds between polls when not idling"),
            ChannelSetting.number("idleRefreshSeconds", 540, "Seconds before an IDLE is renewed (servers drop it after 30 min)"),
            ChannelSetting.text("smtpHost", "SMTP server for replies"),
            ChannelSetting.number("smtpPort", null, "SMTP port (default 465 with ssl, 587 otherwise)"),
            ChannelSetting.choice("smtpSecurity", "starttls", SECURITY, "ssl (SMTPS), starttls or none"),
            ChannelSetting.secret("password", "Password for IMAP and SMTP"));

    static EmailSettings of(Inbox inbox) {
        Map<String, String> s = inbox.settings();
        return new EmailSettings(text(s, "address"), text(s, "fromName"), text(s, "username"), text(s, "imapHost"),
                number(s, "imapPort", null, 1), choice(s, "imapSecurity", "ssl"), textOr(s, "imapFolder", "INBOX"),
                !"false".equalsIgnoreCase(textOr(s, "imapIdle", "true")), number(s, "pollSeconds", 30, 1),
                number(s, "idleRefreshSeconds", 540, 5), text(s, "smtpHost"), number(s, "smtpPort", null, 1),
                choice(s, "smtpSecurity", "starttls"));
    }

    /** The login: {@code username}, else the address. */
    String login() {
        return username == null ? address : username;
    }

    boolean imapSsl() {
        return imapSecurity.equals("ssl");
    }

    boolean smtpSsl() {
        return smtpSecurity.equals("ssl");
    }

    int imapPortOrDefault() {
        return imapPort != null ? imapPort : imapSsl() ? 993 : 143;
    }

    int smtpPortOrDefault() {
        return smtpPort != null ? smtpPort : smtpSsl() ? 465 : 587;
    }

    private static String text(Map<String, String> s, String name) {
        String v = s.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String textOr(Map<String, String> s, String name, String fallback) {
        String v = text(s, name);
        return v == null ? fallback : v;
    }

    private static String choice(Map<String, String> s, String name, String fallback) {
        String v = textOr(s, name, fallback).toLowerCase(Locale.ROOT);
        return SECURITY.contains(v) ? v : fallback;
    }

    private static Integer number(Map<String, String> s, String name, Integer fallback, int min) {
        String v = text(s, name);
        if (v == null) {
            return fallback; // not in a ?: with an int: a null fallback would be unboxed
        }
        try {
            return Integer.valueOf(Math.max(min, Integer.parseInt(v)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
