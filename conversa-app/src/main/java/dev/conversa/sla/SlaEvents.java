package dev.conversa.sla;

import java.time.Instant;

/** What the SLA module announces: the console shows warnings and breaches to supervisors. */
public final class SlaEvents {
    private SlaEvents() {
    }

    public record SlaWarning(long workspaceId, long conversationId, SlaKind kind, Instant dueAt) {
    }

    public record SlaBreached(long workspaceId, long conversationId, SlaKind kind, Instant dueAt, Escalation escalation) {
    }
}
