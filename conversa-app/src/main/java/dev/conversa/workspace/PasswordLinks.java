package dev.conversa.workspace;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.Role;
import dev.conversa.kernel.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links to set a password: an admin invites a person (who has no password until they open the link) or
 * sends an existing person a reset link. The secret is 256 random bits shown only in the link; the table keeps its
 * SHA-256 (a fast hash is enough for a random secret, as for API tokens). A link works once, until it expires
 * ({@code conversa.people.link-validity}, 72 h by default), and a new link for the same person cancels the older ones.
 */
@Service
public class PasswordLinks {
    /** Why a link was sent: the page and the mail say "welcome" or "reset". */
    public enum Purpose { INVITATION, RESET }

    /** A link just made: its secret exists only here, to be put in the mail or shown to the admin once. */
    public record IssuedLink(UserAccount user, Purpose purpose, String secret, Instant expiresAt) {
    }

    /** A link that can still be used, as its page shows it. */
    public record OpenLink(long id, UserAccount user, Purpose purpose, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserService users;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Duration validity;
    private final Clock clock;

    PasswordLinks(JdbcClient jdbc, UserService users, PasswordEncoder passwords, ApplicationEventPublisher events,
                  @Value("${conversa.people.link-validity:72h}") Duration validity) {
        this.jdbc = jdbc;
        this.users = users;
        this.passwords = passwords;
        this.events = events;
        this.validity = validity;
        this.clock = Clock.systemUTC();
    }

    /** Adds a person without a password to the admin's workspace, and makes their invitation link. */
    @Transactional
    public IssuedLink invite(String email, String name, Role role, Actor actor) {
        UserAccount user = users.create(actor.workspace(), email, name, role, null, actor);
        return issue(user, Purpose.INVITATION, actor);
    }

    /** A new link for a person of the admin's workspace: a reset, or the invitation again if they never set one. */
    @Transactional
    public IssuedLink reset(long userId, Actor actor) {
        actor.require(Role.ADMIN);
        UserAccount user = users.get(userId, actor);
        if (!user.person()) {
            throw new InvalidInputException("id", "user " + userId + " is an API token's identity: it has no password");
        }
        if (!user.active()) {
            throw new InvalidInputException("active", "reactivate " + user.email() + " before sending a password link");
        }
        return issue(user, users.passwordHash(userId).isPresent() ? Purpose.RESET : Purpose.INVITATION, actor);
    }

    private IssuedLink issue(UserAccount user, Purpose purpose, Actor actor) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        jdbc.sql("DELETE FROM password_link WHERE user_id = ? AND used_at IS NULL").param(user.id()).update();
        jdbc.sql("""
                INSERT INTO password_link (workspace_id, user_id, purpose, token_hash, created_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(user.workspaceId(), user.id(), purpose.name(), hash(secret), actor.userId(), Sql.ts(now),
                        Sql.ts(expires))
                .update();
        events.publishEvent(new WorkspaceEvents.UserUpdated(user.workspaceId(), user.id(),
                purpose == Purpose.INVITATION ? "invitation link sent" : "password reset link sent", actor.userId()));
        return new IssuedLink(user, purpose, secret, expires);
    }

    /** The link for this secret if it is unused, unexpired and its person still active; empty otherwise. */
    public Optional<OpenLink> open(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, user_id, purpose, expires_at FROM password_link WHERE token_hash = ? AND used_at IS NULL"
                        + " AND expires_at > ?")
                .params(hash(secret), Sql.ts(clock.instant()))
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getLong("user_id"), rs.getString("purpose"),
                        Sql.instant(rs, "expires_at")})
                .optional()
                .flatMap(row -> users.findById((Long) row[1]).filter(UserAccount::active)
                        .map(u -> new OpenLink((Long) row[0], u, Purpose.valueOf((String) row[2]), (Instant) row[3])));
    }

    /**
     * Sets the person's password through the link and spends the link. The link is claimed with one conditional
     * update, so two submissions racing each other cannot both succeed.
     *
     * @return the person, or empty when the link is unknown, used or expired
     */
    @Transactional
    public Optional<UserAccount> setPassword(String secret, String password) {
        Optional<OpenLink> link = open(secret);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        if (password == null || password.length() < UserService.MIN_PASSWORD) {
            throw new InvalidInputException("password", "password must have at least " + UserService.MIN_PASSWORD + " characters");
        }
        Instant now = clock.instant();
        int claimed = jdbc.sql("UPDATE password_link SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?")
                .params(Sql.ts(now), link.get().id(), Sql.ts(now)).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        UserAccount user = link.get().user();
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?").params(passwords.encode(password), user.id()).update();
        events.publishEvent(new WorkspaceEvents.UserUpdated(user.workspaceId(), user.id(),
                link.get().purpose() == Purpose.INVITATION ? "password set through invitation link"
                        : "password set through reset link", user.id()));
        return Optional.of(user);
    }

    /** Whether the person has a pending invitation (no password yet), for the people list. */
    public boolean invited(UserAccount user) {
        return users.passwordHash(user.id()).isEmpty();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
