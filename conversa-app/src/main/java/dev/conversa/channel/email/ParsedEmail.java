package dev.conversa.channel.email;

import java.time.Instant;
import java.util.List;

/**
 * One email reduced to what Conversa needs.
 *
 * @param references     Message-IDs of In-Reply-To and References, nearest first
 * @param autoReply      sent by a machine (out-of-office, list, auto-responder): never reopens nor gets an answer
 * @param bounce         a delivery status notification; {@code bouncedIds} are the Message-IDs it reports on
 * @param html           the HTML version, sanitised (see {@link dev.conversa.conversation.MessageHtml}); {@code null} if none
 */
record ParsedEmail(String messageId, List<String> references, String subject, String fromAddress, String fromName,
                   String body, List<EmailAttachment> attachments, boolean autoReply, boolean bounce,
                   List<String> bouncedIds, String bounceReason, Instant sentAt, String html) {

    record EmailAttachment(String fileName, String contentType, byte[] content) {
    }
}
