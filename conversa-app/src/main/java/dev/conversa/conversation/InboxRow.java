package dev.conversa.conversation;

import dev.conversa.kernel.ChannelType;
import java.time.Instant;
import java.util.List;

/** One line of the console's inbox: the conversation with its customer's name and the latest message's opening. */
public record InboxRow(long id, long inboxId, ChannelType channel, long customerId, String customerName, String subject,
                       ConversationStatus status, Priority priority, Long assigneeId, Long teamId, String sentiment,
                       List<String> tags, int messageCount, Instant lastMessageAt, Instant waitingSince,
                       String preview, boolean mentionsMe) {
}
