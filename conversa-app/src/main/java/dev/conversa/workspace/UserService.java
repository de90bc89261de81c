package dev.conversa.workspace;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import dev.conversa.kernel.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who sign in, and the service identities API tokens act as. Admins manage their workspace's people;
 * installation admins create a workspace's first admin. A token's identity is created and retired with its token
 * ({@link ApiTokenService}), so the people operations here refuse it.
 */
@Service
public class UserService {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_PASSWORD = 10;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    UserService(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.events = events;
    }

    /** Adds a person to a workspace. Workspace admins add to their own; installation admins to any. */
    @Transactional
    public UserAccount create(long workspaceId, String email, String name, Role role, String password, Actor actor) {
        if (actor.role() == Role.INSTALLATION_ADMIN) {
            jdbc.sql("SELECT id FROM workspace WHERE id = ?").param(workspaceId).query(Long.class).optional()
                    .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
        } else {
            actor.require(Role.ADMIN);
            if (actor.workspace() != workspaceId) {
                throw new NotFoundException("workspace", workspaceId);
            }
        }
        if (role == null || role == Role.INSTALLATION_ADMIN) {
            throw new InvalidInputException("role", "role must be AGENT, SUPERVISOR or ADMIN");
        }
        return insert(workspaceId, email, name, role, password, actor.userId());
    }

    /** Inserts without an actor check: for the installation's first admin and the demo workspace. */
    @Transactional
    public UserAccount insert(Long workspaceId, String email, String name, Role role, String password, Long actorId) {
        String normalized = normalizeEmail(email);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "name is required");
        }
        if (password != null && password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("password", "password must have at least " + MIN_PASSWORD + " characters");
        }
        if (findByEmail(normalized).isPresent()) {
            throw new ConflictException("email", "a user with email " + normalized + " already exists");
        }
        Instant now = Instant.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (workspace_id, email, name, password_hash, role, status, status_changed_at, active, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?)""")
                .params(workspaceId, normalized, name.strip(), password == null ? null : passwords.encode(password),
                        role.name(), AgentStatus.OFFLINE.name(), Sql.ts(now), Sql.ts(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (workspaceId != null) {
            events.publishEvent(new WorkspaceEvents.UserCreated(workspaceId, id, normalized, role, actorId));
        }
        return new UserAccount(id, workspaceId, normalized, name.strip(), role, null, AgentStatus.OFFLINE, now, true, now,
                AccountKind.PERSON);
    }

    /** The workspace's people (never the identities of its API tokens). */
    public Page<UserAccount> list(Actor actor, Role role, Paging paging) {
        long ws = actor.workspace();
        String roleFilter = " AND kind = 'PERSON'" + (role == null ? "" : " AND role = :role");
        var params = new java.util.HashMap<String, Object>();
        params.put("ws", ws);
        if (role != null) {
            params.put("role", role.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE workspace_id = :ws" + roleFilter).params(params)
                .query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        List<UserAccount> items = jdbc.sql("SELECT * FROM app_user WHERE workspace_id = :ws" + roleFilter
                        + " ORDER BY name, id LIMIT :limit OFFSET :offset")
                .params(params).query(UserService::map).list();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    public UserAccount get(long id, Actor actor) {
        return find(actor.workspace(), id).orElseThrow(() -> new NotFoundException("user", id));
    }

    /**
     * A person of the caller's workspace named by an id in a request body (an assignee, a team member): anything
     * else, another workspace's person or an API token's identity included, is refused as that field's error, the
     * same answer as for an id that does not exist.
     */
    public UserAccount person(String field, Long id, Actor actor) {
        return find(actor.workspace(), id == null ? -1 : id).filter(UserAccount::person)
                .orElseThrow(() -> new InvalidInputException(field, "no person " + id + " in this workspace"));
    }

    /** The identities of the workspace's API tokens, so what they wrote can be shown with their names. */
    public List<UserAccount> services(long workspaceId) {
        return jdbc.sql("SELECT * FROM app_user WHERE workspace_id = ? AND kind = 'SERVICE' ORDER BY id").param(workspaceId)
                .query(UserService::map).list();
    }

    private UserAccount personToChange(long id, Actor actor) {
        UserAccount user = get(id, actor);
        if (!user.person()) {
            throw new InvalidInputException("id", "user " + id + " is an API token's identity: it has no password or "
                    + "agent status, and changes only with its token (/api/v1/tokens)");
        }
        return user;
    }

    public Optional<UserAccount> find(long workspaceId, long id) {
        return jdbc.sql("SELECT * FROM app_user WHERE id = ? AND workspace_id = ?").params(id, workspaceId)
                .query(UserService::map).optional();
    }

    public Optional<UserAccount> findById(long id) {
        return jdbc.sql("SELECT * FROM app_user WHERE id = ?").param(id).query(UserService::map).optional();
    }

    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM app_user WHERE email = ?").param(email.strip().toLowerCase(Locale.ROOT))
                .query(UserService::map).optional();
    }

    /** The stored hash, for the login check only. */
    Optional<String> passwordHash(long userId) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?").param(userId).query(String.class).optional();
    }

    @Transactional
    public UserAccount update(long id, String name, Role role, Boolean active, String locale, Actor actor) {
        UserAccount user = personToChange(id, actor);
        boolean self = actor.userId() != null && actor.userId() == id;
        if (!self || role != null || active != null) {
            actor.require(Role.ADMIN);
        }
        if (role == Role.INSTALLATION_ADMIN) {
            throw new InvalidInputException("role", "role must be AGENT, SUPERVISOR or ADMIN");
        }
        // an admin who demoted or deactivated themselves could leave the workspace with nobody to undo it
        if (self && user.role() == Role.ADMIN && role != null && role != Role.ADMIN) {
            throw new InvalidInputException("role", "you cannot take away your own admin role; another admin can");
        }
        if (self && Boolean.FALSE.equals(active)) {
            throw new InvalidInputException("active", "you cannot deactivate yourself; another admin can");
        }
        jdbc.sql("UPDATE app_user SET name = ?, role = ?, active = ?, locale = ? WHERE id = ? AND workspace_id = ?")
                .params(name == null || name.isBlank() ? user.name() : name.strip(),
                        (role == null ? user.role() : role).name(),
                        active == null ? user.active() : active,
                        locale == null ? user.locale() : locale, id, user.workspaceId())
                .update();
        events.publishEvent(new WorkspaceEvents.UserUpdated(user.workspaceId(), id,
                describeChange(user, name, role, active, locale), actor.userId()));
        return get(id, actor);
    }

    @Transactional
    public UserAccount changePassword(long id, String password, Actor actor) {
        UserAccount user = personToChange(id, actor);
        if (actor.userId() == null || actor.userId() != id) {
            actor.require(Role.ADMIN);
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("password", "password must have at least " + MIN_PASSWORD + " characters");
        }
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?").params(passwords.encode(password), id).update();
        events.publishEvent(new WorkspaceEvents.UserUpdated(user.workspaceId(), id, "password", actor.userId()));
        return user;
    }

    /** Available, away, busy or offline; an agent sets their own, a supervisor anyone's. */
    @Transactional
    public UserAccount setStatus(long id, AgentStatus status, Actor actor) {
        UserAccount user = get(id, actor);
        if (actor.userId() == null || actor.userId() != id) {
            actor.require(Role.SUPERVISOR);
        }
        personToChange(id, actor);
        if (status == null) {
            throw new InvalidInputException("status", "status is required");
        }
        jdbc.sql("UPDATE app_user SET status = ?, status_changed_at = ? WHERE id = ?")
                .params(status.name(), Sql.ts(Instant.now()), id).update();
        events.publishEvent(new WorkspaceEvents.AgentStatusChanged(user.workspaceId(), id, status, actor.userId()));
        return get(id, actor);
    }

    static String normalizeEmail(String email) {
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            throw new InvalidInputException("email", "a valid email address is required");
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String describeChange(UserAccount before, String name, Role role, Boolean active, String locale) {
        var parts = new java.util.ArrayList<String>();
        if (name != null && !name.strip().equals(before.name())) parts.add("name");
        if (role != null && role != before.role()) parts.add("role " + before.role() + "->" + role);
        if (active != null && active != before.active()) parts.add(active ? "activated" : "deactivated");
        if (locale != null && !locale.equals(before.locale())) parts.add("locale " + locale);
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getLong("id"), Sql.longOrNull(rs, "workspace_id"), rs.getString("email"),
                rs.getString("name"), Role.valueOf(rs.getString("role")), rs.getString("locale"),
                AgentStatus.valueOf(rs.getString("status")), Sql.instant(rs, "status_changed_at"),
                rs.getBoolean("active"), Sql.instant(rs, "created_at"), AccountKind.valueOf(rs.getString("kind")));
    }
}
