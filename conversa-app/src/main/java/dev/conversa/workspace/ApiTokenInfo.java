package dev.conversa.workspace;

import dev.conversa.kernel.Role;
import java.time.Instant;

/**
 * What can be shown about a token after it was issued: never the secret, only its first characters. {@code userId}
 * is the token's own service identity; {@code issuedBy} who issued it ({@code null}: the installation itself).
 */
public record ApiTokenInfo(long id, Long workspaceId, Long userId, String name, Role role, String prefix,
                           Instant createdAt, Instant lastUsedAt, Instant revokedAt, Long issuedBy) {
}
