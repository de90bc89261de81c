package dev.conversa.workspace;

import java.time.Instant;
import java.util.List;

/** A team or department that conversations can be routed to. */
public record Team(long id, long workspaceId, String name, String description, List<Long> memberIds, Instant createdAt) {
}
