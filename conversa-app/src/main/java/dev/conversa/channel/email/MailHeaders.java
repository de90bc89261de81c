package dev.conversa.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;

/** The few headers a quarantine entry shows, read from raw bytes that may not parse as a message at all. */
record MailHeaders(String messageId, String from, String subject) {

    static MailHeaders of(byte[] raw) {
        try {
            InternetHeaders h = new InternetHeaders(new ByteArrayInputStream(raw));
            return new MailHeaders(first(h, "Message-ID"), decoded(first(h, "From")), decoded(first(h, "Subject")));
        } catch (MessagingException | RuntimeException e) {
            return new MailHeaders(null, null, null);
        }
    }

    private static String first(InternetHeaders h, String name) {
        String value = h.getHeader(name, null);
        return value == null ? null : value.strip();
    }

    private static String decoded(String value) {
        if (value == null) {
            return null;
        }
        try {
            return BestEffortCharset.repairRawHeader(MimeUtility.decodeText(MimeUtility.unfold(value)));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }
}
