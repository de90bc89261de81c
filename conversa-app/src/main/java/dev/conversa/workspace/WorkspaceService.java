package dev.conversa.workspace;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import dev.conversa.kernel.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and lists workspaces. Only installation admins create them; a workspace actor sees only its own. */
@Service
public class WorkspaceService {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    WorkspaceService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A new workspace for a brand; the caller then creates its first admin with {@link UserService}. */
    @Transactional
    public Workspace create(String slug, String name, String timeZone, String defaultLocale, Actor actor) {
        actor.require(Role.INSTALLATION_ADMIN);
        return createUnchecked(slug, name, timeZone, defaultLocale, actor.userId());
    }

    /** For start-up tasks (the demo workspace) that run before anybody signs in. */
    @Transactional
    public Workspace createUnchecked(String slug, String name, String timeZone, String defaultLocale, Long actorId) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new InvalidInputException("slug", "slug must be 2-63 lowercase letters, digits or dashes");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "name is required");
        }
        String zone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "unknown time zone: " + zone);
        }
        String locale = defaultLocale == null || defaultLocale.isBlank() ? "es" : defaultLocale;
        if (findBySlug(slug).isPresent()) {
            throw new ConflictException("slug", "a workspace with slug '" + slug + "' already exists");
        }
        Instant now = Instant.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO workspace (slug, name, time_zone, default_locale, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(slug, name.strip(), zone, locale, Sql.ts(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        events.publishEvent(new WorkspaceEvents.WorkspaceCreated(id, slug, name, actorId));
        return new Workspace(id, slug, name.strip(), zone, locale, now);
    }

    public List<Workspace> list(Actor actor) {
        if (actor.role() == Role.INSTALLATION_ADMIN) {
            return jdbc.sql("SELECT * FROM workspace ORDER BY id").query(WorkspaceService::map).list();
        }
        return List.of(get(actor.workspace(), actor));
    }

    public Workspace get(long id, Actor actor) {
        if (actor.role() != Role.INSTALLATION_ADMIN && actor.workspace() != id) {
            throw new NotFoundException("workspace", id);
        }
        return find(id).orElseThrow(() -> new NotFoundException("workspace", id));
    }

    public Optional<Workspace> find(long id) {
        return jdbc.sql("SELECT * FROM workspace WHERE id = ?").param(id).query(WorkspaceService::map).optional();
    }

    public Optional<Workspace> findBySlug(String slug) {
        return jdbc.sql("SELECT * FROM workspace WHERE slug = ?").param(slug).query(WorkspaceService::map).optional();
    }

    static Workspace map(ResultSet rs, int row) throws SQLException {
        return new Workspace(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("time_zone"),
                rs.getString("default_locale"), Sql.instant(rs, "created_at"));
    }
}
