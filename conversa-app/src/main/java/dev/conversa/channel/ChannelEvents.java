package dev.conversa.channel;

import dev.conversa.cluster.ClusterTopics;
import dev.conversa.kernel.ChannelType;
import org.springframework.modulith.events.Externalized;

/**
 * Events the channel module publishes. Those a console on any node shows (calls, a failing inbox) are
 * {@link Externalized} to {@link ClusterTopics#EVENTS} when Kafka is enabled.
 */
public final class ChannelEvents {
    private static final String ROUTE = ClusterTopics.EVENTS + "::#{workspaceId()}";

    private ChannelEvents() {
    }

    public record InboxChanged(long workspaceId, long inboxId, ChannelType channel, String change, Long actorId) {
    }

    /** An inbox stopped working (expired token, wrong password): admins must act. */
    @Externalized(ROUTE)
    public record InboxFailed(long workspaceId, long inboxId, String error) {
    }

    /**
     * A phone call is ringing: the console pops the caller's profile. {@code agentId} is set when the call is
     * already meant for one agent.
     */
    @Externalized(ROUTE)
    public record CallRinging(long workspaceId, long inboxId, long callId, long conversationId, long customerId,
                              String fromNumber, Long agentId) {
    }

    /** An agent picked up: their console shows the caller's profile. */
    @Externalized(ROUTE)
    public record CallAnswered(long workspaceId, long inboxId, long callId, long conversationId, long customerId,
                               Long agentId) {
    }

    /**
     * A call ended. {@code talkSeconds} counts in the agent's handle time; {@code disposition} is ANSWERED, MISSED,
     * VOICEMAIL, BUSY or FAILED.
     */
    @Externalized(ROUTE)
    public record CallEnded(long workspaceId, long inboxId, long callId, long conversationId, long customerId, Long agentId,
                            String disposition, int talkSeconds) {
    }

    /**
     * An agent hid, showed again or deleted a customer's public comment on its network. Always audited: moderating
     * reasonable criticism away is a choice the audit log shows.
     */
    public record PublicCommentModerated(long workspaceId, long inboxId, long conversationId, long messageId, String action,
                                         String externalId, String reason, Long actorId) {
    }
}
