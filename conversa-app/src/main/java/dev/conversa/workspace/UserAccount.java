package dev.conversa.workspace;

import dev.conversa.kernel.Role;
import java.time.Instant;

/** A person who signs in: an agent, supervisor or admin of one workspace, or an installation admin. */
public record UserAccount(long id, Long workspaceId, String email, String name, Role role, String locale,
                          AgentStatus status, Instant statusChangedAt, boolean active, Instant createdAt) {
}
