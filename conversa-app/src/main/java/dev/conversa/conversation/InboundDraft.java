package dev.conversa.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A customer's message as the channel module hands it over, already attached to a conversation, with its language
 * and sentiment when they could be identified ({@code null} otherwise).
 */
public record InboundDraft(String externalId, String body, Visibility visibility, long customerId,
                           List<Attachment> attachments, Instant occurredAt, String language, String sentiment) {
}
