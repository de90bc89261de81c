package dev.conversa.conversation;

import dev.conversa.kernel.ChannelType;
import org.springframework.modulith.events.Externalized;

/**
 * Events the conversation module publishes: the console updates live from them, the audit log records them. Those
 * marked {@link Externalized} also go to the Kafka topic {@value #TOPIC} (keyed by workspace) when Kafka is enabled.
 */
public final class ConversationEvents {
    public static final String TOPIC = "conversa.conversations";
    private static final String ROUTE = TOPIC + "::#{workspaceId()}";

    private ConversationEvents() {
    }

    @Externalized(ROUTE)
    public record ConversationOpened(long workspaceId, long conversationId, long inboxId, ChannelType channel,
                                     long customerId, Long actorId) {
    }

    /** A customer's message was stored. */
    @Externalized(ROUTE)
    public record MessageReceived(long workspaceId, long conversationId, long messageId, long inboxId, ChannelType channel,
                                  long customerId) {
    }

    /** An outbound message was stored and waits for its channel to deliver it. */
    @Externalized(ROUTE)
    public record ReplyQueued(long workspaceId, long conversationId, long messageId, long inboxId, ChannelType channel,
                              Visibility visibility, Long actorId) {
    }

    @Externalized(ROUTE)
    public record DeliveryUpdated(long workspaceId, long conversationId, long messageId, DeliveryStatus status) {
    }

    @Externalized(ROUTE)
    public record ConversationAssigned(long workspaceId, long conversationId, Long assigneeId, Long teamId, String reason,
                                       Long actorId) {
    }

    /** {@code at}: when the status changed (null in publications stored before it was recorded). */
    @Externalized(ROUTE)
    public record StatusChanged(long workspaceId, long conversationId, ConversationStatus from, ConversationStatus to,
                                Long actorId, java.time.Instant at) {
    }

    public record PriorityChanged(long workspaceId, long conversationId, Priority from, Priority to, Long actorId) {
    }

    public record TagsChanged(long workspaceId, long conversationId, java.util.List<String> tags, Long actorId) {
    }

    public record NoteAdded(long workspaceId, long conversationId, long noteId, Long actorId) {
    }
}
