package dev.conversa.workspace;

import dev.conversa.kernel.Role;
import java.time.Instant;

/**
 * A freshly issued API token. {@code token} is the only time the secret is ever visible; {@code userId} is the
 * token's own service identity, the one it acts as.
 */
public record IssuedToken(long id, Long workspaceId, long userId, String name, Role role, String token, Instant createdAt) {
}
