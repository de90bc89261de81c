package dev.conversa.routing;

import dev.conversa.kernel.Media;
import java.time.Duration;
import java.time.Instant;

/**
 * One assignment and why it was made, e.g. {@code assigned to Ana: skill language:es 3>=2, least loaded 2/8 SOCIAL}.
 *
 * @param waited how long the conversation waited in the queue before this decision
 */
public record RoutingDecision(long conversationId, long agentId, String agentName, Media media, int loadBefore,
                              int capacity, Trigger trigger, Instant at, Duration waited, String explanation) {

    /** What caused the decision. */
    public enum Trigger {
        /** The conversation arrived and an agent could take it at once. */
        ARRIVAL,
        /** An agent became available or finished a conversation and took the next one they can. */
        AGENT_FREED,
        /** The conversation waited long enough to be offered to the overflow team. */
        OVERFLOW
    }
}
