package dev.conversa.workspace;

import dev.conversa.kernel.Role;
import java.time.Instant;

/** A freshly issued API token. {@code token} is the only time the secret is ever visible. */
public record IssuedToken(long id, Long workspaceId, String name, Role role, String token, Instant createdAt) {
}
