package dev.conversa.channel.outbound;

import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The persisted outbound queue. A row is claimed with a conditional UPDATE (status + lease), so two workers, or a
 * worker and a restarted node, never send the same row at the same time.
 */
@Repository
class OutboundQueue {
    enum Status { PENDING, SENDING, SENT, FAILED }

    record Delivery(long id, long workspaceId, long messageId, long conversationId, long inboxId, ChannelType channel,
                    Status status, int attempts, Instant nextAttemptAt, String lastError) {
    }

    private final JdbcClient jdbc;

    OutboundQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a message once; false when it was queued before (a republished event). */
    boolean enqueue(long ws, long messageId, long conversationId, long inboxId, ChannelType channel, Instant now) {
        try {
            jdbc.sql("""
                    INSERT INTO outbound_delivery (workspace_id, message_id, conversation_id, inbox_id, channel, status,
                        attempts, next_attempt_at, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""")
                    .params(ws, messageId, conversationId, inboxId, channel.name(), Sql.ts(now), Sql.ts(now), Sql.ts(now))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
    }

    /** Ids of rows due now: pending ones whose time came, and sending ones whose worker died (lease expired). */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM outbound_delivery
                WHERE (status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND lease_until < ?)
                ORDER BY next_attempt_at, id LIMIT ?""")
                .params(Sql.ts(now), Sql.ts(now), limit).query(Long.class).list();
    }

    /** Takes a row for one attempt; empty when another worker took it first. */
    Optional<Delivery> claim(long id, String owner, Instant now, Instant leaseUntil) {
        int taken = jdbc.sql("""
                UPDATE outbound_delivery SET status = 'SENDING', lease_owner = ?, lease_until = ?, attempts = attempts + 1,
                    updated_at = ?
                WHERE id = ? AND ((status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND lease_until < ?))""")
                .params(owner, Sql.ts(leaseUntil), Sql.ts(now), id, Sql.ts(now), Sql.ts(now)).update();
        return taken == 1 ? find(id) : Optional.empty();
    }

    void markSent(long id, String owner, String externalId, Instant now) {
        jdbc.sql("""
                UPDATE outbound_delivery SET status = 'SENT', external_id = ?, lease_owner = NULL, lease_until = NULL,
                    last_error = NULL, updated_at = ? WHERE id = ? AND lease_owner = ?""")
                .params(externalId, Sql.ts(now), id, owner).update();
    }

    void markRetry(long id, String owner, String error, Instant next, Instant now) {
        jdbc.sql("""
                UPDATE outbound_delivery SET status = 'PENDING', next_attempt_at = ?, last_error = ?, lease_owner = NULL,
                    lease_until = NULL, updated_at = ? WHERE id = ? AND lease_owner = ?""")
                .params(Sql.ts(next), truncate(error), Sql.ts(now), id, owner).update();
    }

    void markFailed(long id, String owner, String error, Instant now) {
        jdbc.sql("""
                UPDATE outbound_delivery SET status = 'FAILED', last_error = ?, lease_owner = NULL, lease_until = NULL,
                    updated_at = ? WHERE id = ? AND lease_owner = ?""")
                .params(truncate(error), Sql.ts(now), id, owner).update();
    }

    /** Puts a failed delivery back in the queue for a fresh series of attempts. */
    boolean requeue(long ws, long messageId, Instant now) {
        return jdbc.sql("""
                UPDATE outbound_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, updated_at = ?
                WHERE workspace_id = ? AND message_id = ? AND status = 'FAILED'""")
                .params(Sql.ts(now), Sql.ts(now), ws, messageId).update() == 1;
    }

    Optional<Delivery> find(long id) {
        return jdbc.sql("SELECT * FROM outbound_delivery WHERE id = ?").param(id).query(this::map).optional();
    }

    private static String truncate(String s) {
        return s == null ? null : s.substring(0, Math.min(s.length(), 2000));
    }

    private Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("message_id"),
                rs.getLong("conversation_id"), rs.getLong("inbox_id"), ChannelType.valueOf(rs.getString("channel")),
                Status.valueOf(rs.getString("status")), rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"),
                rs.getString("last_error"));
    }
}
