package dev.conversa.conversation;

import dev.conversa.kernel.ChannelType;
import java.util.List;

/**
 * Which conversations to list. {@code null} fields do not filter. {@code unassigned} lists only conversations
 * with no assignee.
 */
public record ConversationFilter(List<ConversationStatus> statuses, Long inboxId, ChannelType channel, Long assigneeId,
                                 boolean unassigned, Long teamId, Long customerId, String tag, Priority priority,
                                 Sort sort) {

    public enum Sort {
        NEWEST, OLDEST_WAITING, PRIORITY
    }

    public static ConversationFilter all() {
        return new ConversationFilter(null, null, null, null, false, null, null, null, null, Sort.NEWEST);
    }
}
