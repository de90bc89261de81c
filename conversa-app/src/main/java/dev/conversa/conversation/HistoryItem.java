package dev.conversa.conversation;

import dev.conversa.kernel.ChannelType;
import java.time.Instant;

/** One message in a customer's history across every conversation and channel. */
public record HistoryItem(long messageId, long conversationId, ChannelType channel, String subject, Direction direction,
                          Visibility visibility, String body, Instant createdAt) {
}
