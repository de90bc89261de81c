package dev.conversa.workspace;

import dev.conversa.kernel.Role;
import java.time.Instant;

/**
 * An account: a person who signs in (an agent, supervisor or admin of one workspace, or an installation admin), or
 * the service identity of an API token ({@link AccountKind#SERVICE}, {@code email} {@code null}).
 */
public record UserAccount(long id, Long workspaceId, String email, String name, Role role, String locale,
                          AgentStatus status, Instant statusChangedAt, boolean active, Instant createdAt,
                          AccountKind kind) {

    /** Whether this is a person (not an API token's identity). */
    public boolean person() {
        return kind == AccountKind.PERSON;
    }
}
