package dev.conversa.conversation;

import java.time.Instant;

/** An internal note: seen by the team, never sent to the customer. */
public record ConversationNote(long id, long conversationId, Long authorId, String body, Instant createdAt) {
}
