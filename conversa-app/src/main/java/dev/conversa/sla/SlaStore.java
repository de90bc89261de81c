package dev.conversa.sla;

import dev.conversa.cluster.CacheCoherence;
import dev.conversa.conversation.Priority;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Sql;
import dev.conversa.kernel.WorkspaceFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for policies, calendars and timers. */
@Repository
class SlaStore {
    private static final String CACHE = "sla-policies";

    private final JdbcClient jdbc;
    private final CacheCoherence coherence;
    /** Asked for every conversation opened and message received, changed by an admin now and then. */
    private final WorkspaceFacts<Boolean> hasPolicies;

    SlaStore(JdbcClient jdbc, CacheCoherence coherence, @Value("${conversa.sla.policies-cache-ttl:5s}") Duration policiesTtl) {
        this.jdbc = jdbc;
        this.coherence = coherence;
        this.hasPolicies = new WorkspaceFacts<>(policiesTtl, this::countPolicies);
        coherence.register(CACHE, hasPolicies::forget);
    }

    private void policiesChanged(long ws) {
        hasPolicies.forget(ws);
        coherence.changed(CACHE, ws);
    }

    record Timer(long id, long workspaceId, long conversationId, long policyId, SlaKind kind, String status,
                 Instant startedAt, Instant dueAt, Long remainingMs, boolean warned) {
    }

    long insertPolicy(long ws, String name, ChannelType channel, Priority priority, Integer first, Integer next,
                      Integer resolution, Long calendarId, int warn, Escalation escalation) {
        policiesChanged(ws);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sla_policy (workspace_id, name, channel, priority, first_response_minutes, next_response_minutes,
                  resolution_minutes, calendar_id, warn_before_minutes, escalation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ws, name, channel == null ? null : channel.name(), priority == null ? null : priority.name(), first,
                        next, resolution, calendarId, warn, escalation.name())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<SlaPolicy> policies(long ws) {
        return jdbc.sql("SELECT * FROM sla_policy WHERE workspace_id = ? ORDER BY id").param(ws).query(SlaStore::policy).list();
    }

    Optional<SlaPolicy> policy(long ws, long id) {
        return jdbc.sql("SELECT * FROM sla_policy WHERE workspace_id = ? AND id = ?").params(ws, id).query(SlaStore::policy).optional();
    }

    /** Whether the workspace has any SLA policy; cached a few seconds (see {@link WorkspaceFacts}). */
    boolean hasPolicies(long ws) {
        return hasPolicies.test(ws, Boolean.TRUE);
    }

    private boolean countPolicies(long ws, Boolean any) {
        return jdbc.sql("SELECT COUNT(*) FROM sla_policy WHERE workspace_id = ?").param(ws).query(Long.class).single() > 0;
    }

    int deletePolicy(long ws, long id) {
        policiesChanged(ws);
        jdbc.sql("DELETE FROM sla_timer WHERE policy_id = ? AND workspace_id = ?").params(id, ws).update();
        return jdbc.sql("DELETE FROM sla_policy WHERE id = ? AND workspace_id = ?").params(id, ws).update();
    }

    long insertCalendar(long ws, String name, String zone, String hours, List<LocalDate> holidays) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sla_calendar (workspace_id, name, time_zone, hours, holidays) VALUES (?, ?, ?, ?, ?)")
                .params(ws, name, zone, hours, String.join(",", holidays.stream().map(LocalDate::toString).toList()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<SlaCalendar> calendars(long ws) {
        return jdbc.sql("SELECT * FROM sla_calendar WHERE workspace_id = ? ORDER BY id").param(ws).query(SlaStore::calendar).list();
    }

    Optional<SlaCalendar> calendar(long ws, long id) {
        return jdbc.sql("SELECT * FROM sla_calendar WHERE workspace_id = ? AND id = ?").params(ws, id)
                .query(SlaStore::calendar).optional();
    }

    void upsertTimer(long ws, long conversationId, long policyId, SlaKind kind, Instant startedAt, Instant dueAt) {
        int n = jdbc.sql("""
                UPDATE sla_timer SET policy_id = ?, status = 'RUNNING', started_at = ?, due_at = ?, remaining_ms = NULL,
                  warned = FALSE, stopped_at = NULL WHERE conversation_id = ? AND kind = ?""")
                .params(policyId, Sql.ts(startedAt), Sql.ts(dueAt), conversationId, kind.name()).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO sla_timer (workspace_id, conversation_id, policy_id, kind, status, started_at, due_at, warned)
                    VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, FALSE)""")
                    .params(ws, conversationId, policyId, kind.name(), Sql.ts(startedAt), Sql.ts(dueAt)).update();
        }
    }

    List<Timer> timers(long ws, long conversationId) {
        return jdbc.sql("SELECT * FROM sla_timer WHERE workspace_id = ? AND conversation_id = ? ORDER BY id")
                .params(ws, conversationId).query(SlaStore::timer).list();
    }

    List<Timer> timers(long ws, List<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM sla_timer WHERE workspace_id = :ws AND conversation_id IN (:ids) ORDER BY id")
                .param("ws", ws).param("ids", conversationIds).query(SlaStore::timer).list();
    }

    /** Running timers whose due time, minus the largest warning, has come. */
    List<Timer> dueSoon(Instant horizon) {
        return jdbc.sql("SELECT * FROM sla_timer WHERE status = 'RUNNING' AND due_at <= ? ORDER BY due_at")
                .param(Sql.ts(horizon)).query(SlaStore::timer).list();
    }

    void update(long id, String status, Instant dueAt, Long remainingMs, boolean warned, Instant stoppedAt) {
        jdbc.sql("UPDATE sla_timer SET status = ?, due_at = ?, remaining_ms = ?, warned = ?, stopped_at = ? WHERE id = ?")
                .params(status, Sql.ts(dueAt), remainingMs, warned, Sql.ts(stoppedAt), id).update();
    }

    private static SlaPolicy policy(ResultSet rs, int n) throws SQLException {
        String ch = rs.getString("channel");
        String pr = rs.getString("priority");
        return new SlaPolicy(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("name"),
                ch == null ? null : ChannelType.valueOf(ch), pr == null ? null : Priority.valueOf(pr),
                intOrNull(rs, "first_response_minutes"), intOrNull(rs, "next_response_minutes"),
                intOrNull(rs, "resolution_minutes"), Sql.longOrNull(rs, "calendar_id"), rs.getInt("warn_before_minutes"),
                Escalation.valueOf(rs.getString("escalation")));
    }

    private static SlaCalendar calendar(ResultSet rs, int n) throws SQLException {
        String h = rs.getString("holidays");
        List<LocalDate> holidays = h == null || h.isBlank() ? List.of()
                : Arrays.stream(h.split(",")).map(String::strip).map(LocalDate::parse).toList();
        return new SlaCalendar(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("name"), rs.getString("time_zone"),
                rs.getString("hours"), holidays);
    }

    private static Timer timer(ResultSet rs, int n) throws SQLException {
        return new Timer(rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("conversation_id"), rs.getLong("policy_id"),
                SlaKind.valueOf(rs.getString("kind")), rs.getString("status"), Sql.instant(rs, "started_at"),
                Sql.instant(rs, "due_at"), Sql.longOrNull(rs, "remaining_ms"), rs.getBoolean("warned"));
    }

    private static Integer intOrNull(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }
}
