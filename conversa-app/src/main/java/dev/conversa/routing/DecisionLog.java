package dev.conversa.routing;

import java.time.Instant;

/** A stored routing decision: automatic (ARRIVAL, AGENT_FREED, OVERFLOW) or MANUAL, with its explanation. */
public record DecisionLog(long id, long conversationId, Long agentId, String trigger, String explanation, Instant decidedAt) {
}
