package dev.conversa.sla;

import dev.conversa.cluster.ClusterTopics;
import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * What the SLA module announces: the console shows warnings and breaches to supervisors. Externalized to
 * {@link ClusterTopics#EVENTS} when Kafka is enabled.
 */
public final class SlaEvents {
    private static final String ROUTE = ClusterTopics.EVENTS + "::#{workspaceId()}";

    private SlaEvents() {
    }

    @Externalized(ROUTE)
    public record SlaWarning(long workspaceId, long conversationId, SlaKind kind, Instant dueAt) {
    }

    @Externalized(ROUTE)
    public record SlaBreached(long workspaceId, long conversationId, SlaKind kind, Instant dueAt, Escalation escalation) {
    }
}
