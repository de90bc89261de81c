package dev.conversa.conversation;

import dev.conversa.kernel.ChannelType;
import java.time.Instant;
import java.util.List;

/**
 * A case: everything said with one customer about one thing, on one inbox.
 *
 * @param threadKey    the channel's id for the thread (an email's root Message-ID, a tweet's conversation id...)
 * @param waitingSince  when the customer's oldest unanswered message arrived; {@code null} when nobody waits
 * @param handleSeconds agents' handling time recorded on the case so far (phone calls: talk time), for handle-time KPIs
 */
public record Conversation(long id, long workspaceId, long inboxId, ChannelType channel, long customerId, String subject,
                           String threadKey, ConversationStatus status, Priority priority, Long assigneeId, Long teamId,
                           String language, String sentiment, List<String> tags, int messageCount, Instant createdAt,
                           Instant updatedAt, Instant lastMessageAt, Instant waitingSince, Instant firstResponseAt,
                           Instant resolvedAt, Instant snoozedUntil, int handleSeconds) {
}
