package dev.conversa.workspace;

import dev.conversa.cluster.CacheCoherence;
import dev.conversa.kernel.Actor;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.conversa.kernel.Forgetting;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import dev.conversa.kernel.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machines. Each token is its own principal: issuing one creates its service identity
 * ({@link AccountKind#SERVICE}, named {@code token:<name>}, with the token's role), and a request with the token acts
 * as that identity, never as the person who issued it. So what the token writes is authored by it, the audit log
 * names it, it has only its own role's rights, and it keeps working when its issuer leaves, until it is revoked.
 *
 * <p>Tokens are 256 random bits, so a fast SHA-256 is the right hash: there is nothing
 * to brute-force, and verifying on every request must stay cheap.
 *
 * <p>A busy integration presents the same token many times a second, so a verified token is remembered for
 * {@code conversa.api.token-cache-ttl} (2 s) on this node instead of being looked up for every request. Revoking a token
 * or changing a person (deactivation, role) forgets every remembered token on the node that made the change, at once
 * and again after commit, and on every other node when the {@link CacheCoherence} signal arrives; the expiry bounds how
 * long a node whose signal was lost accepts a revoked token. Unknown tokens are never
 * remembered.
 */
@Service
public class ApiTokenService {
    static final String PREFIX = "cnv_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 10_000;
    private static final String CACHE = "api-tokens";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final CacheCoherence coherence;
    private final Cache<String, Actor> verified;

    ApiTokenService(JdbcClient jdbc, ApplicationEventPublisher events, CacheCoherence coherence,
                    @Value("${conversa.api.token-cache-ttl:2s}") Duration remembered) {
        this.jdbc = jdbc;
        this.events = events;
        this.coherence = coherence;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(remembered).build();
        // tokens are few per workspace and changes rare: forgetting every remembered token is simpler and as cheap
        coherence.register(CACHE, ws -> verified.invalidateAll());
    }

    /**
     * Issues a token with at most the issuer's role. Installation admins may issue a token for any workspace
     * (that is how a new workspace gets its admin token) or, with {@code workspaceId == null}, another
     * installation token.
     */
    @Transactional
    public IssuedToken issue(Long workspaceId, String name, Role role, Actor actor) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "name is required");
        }
        Role tokenRole = role == null ? (workspaceId == null ? Role.INSTALLATION_ADMIN : Role.AGENT) : role;
        if (actor.role() == Role.INSTALLATION_ADMIN) {
            if (workspaceId != null) {
                jdbc.sql("SELECT id FROM workspace WHERE id = ?").param(workspaceId).query(Long.class).optional()
                        .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
                if (tokenRole == Role.INSTALLATION_ADMIN) {
                    throw new InvalidInputException("role", "a workspace token has role AGENT, SUPERVISOR or ADMIN");
                }
            } else if (tokenRole != Role.INSTALLATION_ADMIN) {
                throw new InvalidInputException("workspaceId", "workspaceId is required for a workspace token");
            }
        } else {
            actor.require(Role.ADMIN);
            if (workspaceId != null && workspaceId != actor.workspace()) {
                throw new NotFoundException("workspace", workspaceId);
            }
            if (!actor.can(tokenRole)) {
                throw new InvalidInputException("role", "a token cannot have more rights than its issuer");
            }
        }
        Long ws = actor.role() == Role.INSTALLATION_ADMIN ? workspaceId : Long.valueOf(actor.workspace());
        return insert(ws, name.strip(), tokenRole, newSecret(), actor.userId());
    }

    /**
     * Stores a token, with its own service identity, issued by {@code actorId} ({@code null}: the installation
     * itself, for the secret the operator chose in CONVERSA_BOOTSTRAP_TOKEN).
     */
    @Transactional
    IssuedToken insert(Long workspaceId, String name, Role role, String secret, Long actorId) {
        Instant now = Instant.now();
        var userKeys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (workspace_id, email, name, password_hash, role, status, status_changed_at, active,
                                      created_at, kind)
                VALUES (?, NULL, ?, NULL, ?, ?, ?, TRUE, ?, ?)""")
                .params(workspaceId, serviceName(name), role.name(), AgentStatus.OFFLINE.name(), Sql.ts(now), Sql.ts(now),
                        AccountKind.SERVICE.name())
                .update(userKeys, "id");
        long identity = userKeys.getKey().longValue();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_token (workspace_id, user_id, name, role, token_hash, token_prefix, created_at, issued_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(workspaceId, identity, name, role.name(), hash(secret), secret.substring(0, Math.min(8, secret.length())),
                        Sql.ts(now), actorId)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE app_user SET token_id = ? WHERE id = ?").params(id, identity).update();
        events.publishEvent(new WorkspaceEvents.ApiTokenIssued(workspaceId, id, name, role, actorId));
        return new IssuedToken(id, workspaceId, identity, name, role, secret, now);
    }

    /** The actor a presented token stands for, if the token is known and not revoked. */
    public Optional<Actor> authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Actor known = verified.getIfPresent(hash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Actor> actor = lookUp(hash);
        actor.ifPresent(a -> verified.put(hash, a));
        return actor;
    }

    private record Found(long id, Long workspaceId, Long userId, String name, Role role, Instant lastUsed, boolean ownerActive) {
    }

    private Optional<Actor> lookUp(String hash) {
        Optional<Found> found = jdbc.sql("""
                SELECT t.id, t.workspace_id, t.user_id, t.name, t.role, t.last_used_at, u.active
                FROM api_token t LEFT JOIN app_user u ON u.id = t.user_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL""")
                .param(hash)
                .query((rs, n) -> {
                    Long userId = Sql.longOrNull(rs, "user_id");
                    return new Found(rs.getLong("id"), Sql.longOrNull(rs, "workspace_id"), userId, rs.getString("name"),
                            Role.valueOf(rs.getString("role")), Sql.instant(rs, "last_used_at"),
                            userId == null || rs.getBoolean("active"));
                })
                .optional();
        // The identity is the token's own, so this is the token's state, not its issuer's.
        if (found.isEmpty() || !found.get().ownerActive()) {
            return Optional.empty();
        }
        Found t = found.get();
        if (t.lastUsed() == null || t.lastUsed().isBefore(Instant.now().minus(LAST_USED_RESOLUTION))) {
            // Written at most once a minute so a busy integration does not turn every read into a write; and only
            // once the read is done: a write from inside the row mapper would need a second pooled connection while
            // holding the first, and enough concurrent requests doing so would drain the pool for good.
            jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(Sql.ts(Instant.now()), t.id()).update();
        }
        return Optional.of(new Actor(t.userId(), t.workspaceId(), t.role(), serviceName(t.name()), t.id()));
    }

    public List<ApiTokenInfo> list(Actor actor) {
        actor.require(actor.role() == Role.INSTALLATION_ADMIN ? Role.INSTALLATION_ADMIN : Role.ADMIN);
        String where = actor.workspaceId() == null ? "workspace_id IS NULL" : "workspace_id = " + actor.workspace();
        return jdbc.sql("SELECT * FROM api_token WHERE " + where + " ORDER BY id").query((rs, n) -> new ApiTokenInfo(
                rs.getLong("id"), Sql.longOrNull(rs, "workspace_id"), Sql.longOrNull(rs, "user_id"), rs.getString("name"),
                Role.valueOf(rs.getString("role")), rs.getString("token_prefix"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "last_used_at"), Sql.instant(rs, "revoked_at"), Sql.longOrNull(rs, "issued_by"))).list();
    }

    @Transactional
    public void revoke(long id, Actor actor) {
        actor.require(actor.role() == Role.INSTALLATION_ADMIN ? Role.INSTALLATION_ADMIN : Role.ADMIN);
        String where = actor.workspaceId() == null ? "workspace_id IS NULL" : "workspace_id = " + actor.workspace();
        int n = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL AND " + where)
                .params(Sql.ts(Instant.now()), id).update();
        if (n == 0) {
            throw new NotFoundException("token", id);
        }
        jdbc.sql("UPDATE app_user SET active = FALSE WHERE token_id = ?").param(id).update();
        events.publishEvent(new WorkspaceEvents.ApiTokenRevoked(actor.workspaceId(), id, actor.userId()));
        forgetVerified(actor.workspaceId() == null ? 0 : actor.workspaceId());
    }

    /** A person's role or activity changed: their tokens must be verified again. */
    @EventListener
    void on(WorkspaceEvents.UserUpdated changed) {
        forgetVerified(changed.workspaceId());
    }

    private void forgetVerified(long workspaceId) {
        Forgetting.nowAndAfterTransaction(verified::invalidateAll);
        coherence.changed(CACHE, workspaceId);
    }

    boolean exists(String secret) {
        return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = ?").param(hash(secret)).query(Long.class).single() > 0;
    }

    /** The name a token's identity goes by: {@code token:<name>}, within the 200 characters of a name. */
    static String serviceName(String tokenName) {
        String name = "token:" + tokenName;
        return name.length() <= 200 ? name : name.substring(0, 200);
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
