package dev.conversa.channel.email;

import java.time.Instant;
import java.util.List;

/**
 * One email reduced to what Conversa needs.
 *
 * @param references     Message-IDs of In-Reply-To and References, nearest first
 * @param automatic      what kind of automatic mail it is ({@code null}: a person wrote it); automatic mail never
 *                       opens, reopens nor gets an answer
 * @param automaticSignal the header, report or subject it was recognised by
 * @param bouncedIds     Message-IDs a delivery report is about (its In-Reply-To/References and the returned headers)
 * @param html           the HTML version, sanitised (see {@link dev.conversa.conversation.MessageHtml}); {@code null} if none
 * @param lenient        read by the lenient second parse (the strict one failed)
 */
record ParsedEmail(String messageId, List<String> references, String subject, String fromAddress, String fromName,
                   String body, List<EmailAttachment> attachments, MailKind automatic, String automaticSignal,
                   List<String> bouncedIds, String bounceReason, Instant sentAt, String html, boolean lenient) {

    /** A non-delivery report: it marks the reply it names FAILED. */
    boolean bounce() {
        return automatic == MailKind.BOUNCE;
    }

    record EmailAttachment(String fileName, String contentType, byte[] content) {
    }
}
