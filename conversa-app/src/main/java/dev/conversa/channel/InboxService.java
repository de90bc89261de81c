package dev.conversa.channel;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import dev.conversa.kernel.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Inboxes of a workspace. Admins configure them; everyone in the workspace can see them (without secrets). */
@Service
public class InboxService {
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final SecretBox secretBox;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    /** Read lazily: adapters depend on this service. */
    private final ObjectProvider<ChannelAdapter> adapters;

    InboxService(JdbcClient jdbc, SecretBox secretBox, JsonMapper json, ApplicationEventPublisher events,
                 ObjectProvider<ChannelAdapter> adapters) {
        this.jdbc = jdbc;
        this.secretBox = secretBox;
        this.json = json;
        this.events = events;
        this.adapters = adapters;
    }

    @Transactional
    public Inbox create(String name, ChannelType channel, Map<String, String> settings, Map<String, String> secrets, Actor actor) {
        actor.require(Role.ADMIN);
        return createUnchecked(actor.workspace(), name, channel, settings, secrets, actor.userId());
    }

    /** For start-up tasks (the demo workspace). */
    @Transactional
    public Inbox createUnchecked(long ws, String name, ChannelType channel, Map<String, String> settings,
                                 Map<String, String> secrets, Long actorId) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "name is required");
        }
        if (channel == null) {
            throw new InvalidInputException("channel", "channel is required");
        }
        check(channel, settings, false);
        check(channel, secrets, true);
        Instant now = Instant.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inbox (workspace_id, name, channel, settings, secrets, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
                .params(ws, name.strip(), channel.name(), json.writeValueAsString(settings == null ? Map.of() : settings),
                        seal(secrets), Sql.ts(now), Sql.ts(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        events.publishEvent(new ChannelEvents.InboxChanged(ws, id, channel, "created", actorId));
        return find(ws, id).orElseThrow();
    }

    /** Changes name, settings (merged) and secrets (merged; an empty value removes one). */
    @Transactional
    public Inbox update(long id, String name, Map<String, String> settings, Map<String, String> secrets, InboxStatus status,
                        Actor actor) {
        actor.require(Role.ADMIN);
        Inbox inbox = get(id, actor);
        check(inbox.channel(), settings, false);
        check(inbox.channel(), secrets, true);
        Map<String, String> newSettings = merge(inbox.settings(), settings);
        Map<String, String> newSecrets = merge(secrets(inbox.workspaceId(), id), secrets);
        jdbc.sql("""
                UPDATE inbox SET name = ?, settings = ?, secrets = ?, status = ?, last_error = ?, updated_at = ?
                WHERE id = ? AND workspace_id = ?""")
                .params(name == null || name.isBlank() ? inbox.name() : name.strip(), json.writeValueAsString(newSettings),
                        seal(newSecrets), (status == null ? inbox.status() : status).name(),
                        status == InboxStatus.ACTIVE ? null : inbox.lastError(), Sql.ts(Instant.now()), id, inbox.workspaceId())
                .update();
        events.publishEvent(new ChannelEvents.InboxChanged(inbox.workspaceId(), id, inbox.channel(), "updated", actor.userId()));
        return get(id, actor);
    }

    public List<Inbox> list(Actor actor) {
        return jdbc.sql("SELECT * FROM inbox WHERE workspace_id = ? ORDER BY id").param(actor.workspace()).query(this::map).list();
    }

    public Inbox get(long id, Actor actor) {
        return find(actor.workspace(), id).orElseThrow(() -> new NotFoundException("inbox", id));
    }

    public Optional<Inbox> find(long workspaceId, long id) {
        return jdbc.sql("SELECT * FROM inbox WHERE id = ? AND workspace_id = ?").params(id, workspaceId).query(this::map).optional();
    }

    /** Inboxes of one channel in every workspace, for pollers and webhooks that must find their account. */
    public List<Inbox> allOfChannel(ChannelType channel) {
        return jdbc.sql("SELECT * FROM inbox WHERE channel = ? AND status <> 'DISABLED' ORDER BY id").param(channel.name())
                .query(this::map).list();
    }

    /** The decrypted secrets of an inbox, for its channel adapter only. */
    public Map<String, String> secrets(long workspaceId, long id) {
        String sealed = jdbc.sql("SELECT secrets FROM inbox WHERE id = ? AND workspace_id = ?").params(id, workspaceId)
                .query(String.class).optional().orElse(null);
        return sealed == null ? Map.of() : json.readValue(secretBox.decrypt(sealed), MAP);
    }

    /** Marks an inbox as failing so admins see it, instead of losing messages silently. */
    @Transactional
    public void reportError(long workspaceId, long id, String error) {
        jdbc.sql("UPDATE inbox SET status = 'ERROR', last_error = ?, updated_at = ? WHERE id = ? AND workspace_id = ?")
                .params(error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 2000)),
                        Sql.ts(Instant.now()), id, workspaceId)
                .update();
        events.publishEvent(new ChannelEvents.InboxFailed(workspaceId, id, error));
    }

    private String seal(Map<String, String> secrets) {
        return secrets == null || secrets.isEmpty() ? null : secretBox.encrypt(json.writeValueAsString(secrets));
    }

    private static Map<String, String> merge(Map<String, String> base, Map<String, String> changes) {
        Map<String, String> out = new LinkedHashMap<>(base);
        if (changes != null) {
            changes.forEach((k, v) -> {
                if (v == null || v.isEmpty()) {
                    out.remove(k);
                } else {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    private Inbox map(ResultSet rs, int row) throws SQLException {
        long ws = rs.getLong("workspace_id");
        long id = rs.getLong("id");
        String sealed = rs.getString("secrets");
        var secretNames = sealed == null ? new TreeSet<String>() : new TreeSet<>(json.readValue(secretBox.decrypt(sealed), MAP).keySet());
        return new Inbox(id, ws, rs.getString("name"), ChannelType.valueOf(rs.getString("channel")),
                json.readValue(rs.getString("settings"), MAP), secretNames, InboxStatus.valueOf(rs.getString("status")),
                rs.getString("last_error"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    /** What the channel declares for its settings (or secrets), by name. */
    public Map<String, ChannelSetting> declared(ChannelType channel, boolean secrets) {
        Map<String, ChannelSetting> out = new LinkedHashMap<>();
        adapters.orderedStream().filter(a -> a.type() == channel).flatMap(a -> a.settings().stream())
                .filter(s -> s.secret() == secrets).forEach(s -> out.putIfAbsent(s.name(), s));
        return out;
    }

    /** Refuses a value of the wrong kind for a setting the channel declares, naming the setting. */
    private void check(ChannelType channel, Map<String, String> values, boolean secrets) {
        if (values == null || values.isEmpty()) {
            return;
        }
        Map<String, ChannelSetting> known = declared(channel, secrets);
        for (Map.Entry<String, String> e : values.entrySet()) {
            ChannelSetting setting = known.get(e.getKey());
            String problem = setting == null ? null : setting.problem(e.getValue());
            if (problem != null) {
                throw new InvalidInputException((secrets ? "secrets." : "settings.") + e.getKey(), problem);
            }
        }
    }
}
