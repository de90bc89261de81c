package dev.conversa.channel.email;

import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.Inbox;
import java.util.List;
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
    private static final ChannelSetting ADDRESS = ChannelSetting.email("address");
    private static final ChannelSetting FROM_NAME = ChannelSetting.text("fromName");
    private static final ChannelSetting USERNAME = ChannelSetting.text("username");
    private static final ChannelSetting IMAP_HOST = ChannelSetting.text("imapHost");
    private static final ChannelSetting IMAP_PORT = ChannelSetting.number("imapPort", null);
    private static final ChannelSetting IMAP_SECURITY = ChannelSetting.choice("imapSecurity", "ssl", SECURITY);
    private static final ChannelSetting IMAP_FOLDER = ChannelSetting.text("imapFolder").withDefault("INBOX");
    private static final ChannelSetting IMAP_IDLE = ChannelSetting.bool("imapIdle", true);
    private static final ChannelSetting POLL_SECONDS = ChannelSetting.number("pollSeconds", 30);
    private static final ChannelSetting IDLE_REFRESH_SECONDS = ChannelSetting.number("idleRefreshSeconds", 540);
    private static final ChannelSetting SMTP_HOST = ChannelSetting.text("smtpHost");
    private static final ChannelSetting SMTP_PORT = ChannelSetting.number("smtpPort", null);
    private static final ChannelSetting SMTP_SECURITY = ChannelSetting.choice("smtpSecurity", "starttls", SECURITY);

    static final List<ChannelSetting> SPEC = List.of(ADDRESS, FROM_NAME, USERNAME, IMAP_HOST, IMAP_PORT, IMAP_SECURITY,
            IMAP_FOLDER, IMAP_IDLE, POLL_SECONDS, IDLE_REFRESH_SECONDS, SMTP_HOST, SMTP_PORT, SMTP_SECURITY,
            ChannelSetting.secret("password"));

    static EmailSettings of(Inbox inbox) {
        Map<String, String> s = inbox.settings();
        return new EmailSettings(ADDRESS.read(s), FROM_NAME.read(s), USERNAME.read(s), IMAP_HOST.read(s),
                IMAP_PORT.readNumber(s, 1), IMAP_SECURITY.readChoice(s), IMAP_FOLDER.read(s), IMAP_IDLE.readBoolean(s),
                POLL_SECONDS.readNumber(s, 1), IDLE_REFRESH_SECONDS.readNumber(s, 5), SMTP_HOST.read(s),
                SMTP_PORT.readNumber(s, 1), SMTP_SECURITY.readChoice(s));
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
}
