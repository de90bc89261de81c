package dev.conversa.automation;

import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The persisted queue of automation webhooks and the log of their attempts. A row is claimed with a conditional
 * UPDATE (status + lease), so two workers, or a worker and a restarted node, never send the same row at once; every
 * later change of a claimed row requires the claimer's lease.
 */
@Repository
class WebhookQueue {
    /** What a worker needs to make one attempt. {@code attempts} counts this one. */
    record Claimed(long id, long workspaceId, String deliveryId, Trigger event, String url, String payload, int attempts) {
    }

    record NewWebhook(long workspaceId, String deliveryId, long ruleId, String ruleName, long conversationId, Trigger event,
                      String url, String payload) {
    }

    private static final String DUE = """
            ((status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND lease_until < ?))""";

    private final JdbcClient jdbc;

    WebhookQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long enqueue(NewWebhook w, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO automation_webhook (workspace_id, delivery_id, rule_id, rule_name, conversation_id, event_type, url,
                    payload, status, attempts, next_attempt_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""")
                .params(w.workspaceId(), w.deliveryId(), w.ruleId(), w.ruleName(), w.conversationId(), w.event().name(),
                        w.url(), w.payload(), Sql.ts(now), Sql.ts(now), Sql.ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Ids of rows due now: pending ones whose time came, and sending ones whose worker died (lease expired). */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM automation_webhook WHERE " + DUE + " ORDER BY next_attempt_at, id LIMIT ?")
                .params(Sql.ts(now), Sql.ts(now), limit).query(Long.class).list();
    }

    /** Takes a row for one attempt; empty when another worker took it first. */
    Optional<Claimed> claim(long id, String owner, Instant now, Instant leaseUntil) {
        int taken = jdbc.sql("""
                UPDATE automation_webhook SET status = 'SENDING', lease_owner = ?, lease_until = ?, attempts = attempts + 1,
                    updated_at = ? WHERE id = ? AND """ + DUE)
                .params(owner, Sql.ts(leaseUntil), Sql.ts(now), id, Sql.ts(now), Sql.ts(now)).update();
        if (taken != 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM automation_webhook WHERE id = ? AND lease_owner = ?").params(id, owner)
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("delivery_id"),
                        Trigger.valueOf(rs.getString("event_type")), rs.getString("url"), rs.getString("payload"),
                        rs.getInt("attempts")))
                .optional();
    }

    /** Records the outcome of an attempt on the row; false when this worker no longer holds it. */
    boolean settle(Claimed w, String owner, WebhookStatus status, Integer statusCode, String error, Instant next, Instant now) {
        return jdbc.sql("""
                UPDATE automation_webhook SET status = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?,
                    lease_owner = NULL, lease_until = NULL, updated_at = ?, delivered_at = ?
                WHERE id = ? AND lease_owner = ?""")
                .params(status.name(), Sql.ts(next == null ? now : next), statusCode, excerpt(error), Sql.ts(now),
                        Sql.ts(status == WebhookStatus.DELIVERED ? now : null), w.id(), owner)
                .update() == 1;
    }

    void logAttempt(long webhookId, int attempt, Instant at, Integer statusCode, long latencyMs, String outcome, String error) {
        jdbc.sql("""
                INSERT INTO automation_webhook_attempt (webhook_id, attempt, attempted_at, status_code, latency_ms, outcome, error)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(webhookId, attempt, Sql.ts(at), statusCode, latencyMs, outcome, excerpt(error)).update();
    }

    /** Puts a dead letter back in the queue for a fresh series of attempts; its log is kept. */
    boolean replay(long ws, long id, Instant now) {
        return jdbc.sql("""
                UPDATE automation_webhook SET status = 'PENDING', attempts = 0, next_attempt_at = ?, updated_at = ?
                WHERE workspace_id = ? AND id = ? AND status = 'DEAD'""")
                .params(Sql.ts(now), Sql.ts(now), ws, id).update() == 1;
    }

    Page<WebhookDelivery> list(long ws, WebhookStatus status, Long ruleId, Paging paging) {
        String where = " WHERE workspace_id = ?" + (status == null ? "" : " AND status = ?") + (ruleId == null ? "" : " AND rule_id = ?");
        List<Object> params = new ArrayList<>(List.of(ws));
        if (status != null) {
            params.add(status.name());
        }
        if (ruleId != null) {
            params.add(ruleId);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM automation_webhook" + where).params(params).query(Long.class).single();
        params.add(paging.size());
        params.add(paging.offset());
        List<WebhookDelivery> items = jdbc.sql("SELECT * FROM automation_webhook" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(params).query(this::delivery).list();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    Optional<WebhookDelivery> find(long ws, long id) {
        return jdbc.sql("SELECT * FROM automation_webhook WHERE workspace_id = ? AND id = ?").params(ws, id)
                .query(this::delivery).optional();
    }

    List<WebhookAttempt> attempts(long webhookId) {
        return jdbc.sql("SELECT * FROM automation_webhook_attempt WHERE webhook_id = ? ORDER BY id").param(webhookId)
                .query((rs, n) -> new WebhookAttempt(rs.getInt("attempt"), Sql.instant(rs, "attempted_at"),
                        integer(rs, "status_code"), rs.getLong("latency_ms"), rs.getString("outcome"), rs.getString("error")))
                .list();
    }

    /** Error texts are excerpts: the start says what went wrong, a receiver's whole error page would not fit. */
    static String excerpt(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }

    private WebhookDelivery delivery(ResultSet rs, int n) throws SQLException {
        return new WebhookDelivery(rs.getLong("id"), rs.getString("delivery_id"), rs.getLong("rule_id"), rs.getString("rule_name"),
                rs.getLong("conversation_id"), Trigger.valueOf(rs.getString("event_type")), rs.getString("url"),
                rs.getString("payload"), WebhookStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                Sql.instant(rs, "next_attempt_at"), integer(rs, "last_status_code"), rs.getString("last_error"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "delivered_at"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
