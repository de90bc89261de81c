package dev.conversa.channel.webhook;

import java.time.Instant;

/**
 * Something a network reported about a message that is not itself a message: an edit ({@code previousBody} is the
 * text before it), a delete, a reaction removed, a hide. {@code messageId} is null when the message is not stored.
 */
public record MessageChange(long id, String externalId, Long messageId, String kind, String detail, String previousBody,
                            Instant occurredAt) {
}
