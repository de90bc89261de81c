package dev.conversa.audit;

import java.time.Instant;

/** One recorded action. {@code actorId} is {@code null} for what the system did by itself. */
public record AuditEntry(long id, Long workspaceId, Long actorId, String actorName, String action, String subjectType,
                         String subjectId, String details, Instant occurredAt) {
}
