package dev.conversa.conversation;

import dev.conversa.cluster.ClusterTopics;
import dev.conversa.kernel.ChannelType;
import org.springframework.modulith.events.Externalized;

/**
 * Events the conversation module publishes: the console updates live from them, the audit log records them. All are
 * {@link Externalized}: with Kafka enabled they also go to the topic {@value #TOPIC} (keyed by workspace), which is
 * how the consoles on the other nodes hear of them.
 */
public final class ConversationEvents {
    public static final String TOPIC = ClusterTopics.EVENTS;
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

    @Externalized(ROUTE)
    public record PriorityChanged(long workspaceId, long conversationId, Priority from, Priority to, Long actorId) {
    }

    @Externalized(ROUTE)
    public record TagsChanged(long workspaceId, long conversationId, java.util.List<String> tags, Long actorId) {
    }

    @Externalized(ROUTE)
    public record NoteAdded(long workspaceId, long conversationId, long noteId, Long actorId) {
    }
}
