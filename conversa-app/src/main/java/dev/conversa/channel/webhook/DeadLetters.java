package dev.conversa.channel.webhook;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import dev.conversa.kernel.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dead-letter list of the social intake queue, per workspace: admins read it, replay a letter (it goes back to
 * the queue with fresh retries, and is stored once, like any redelivery) or dismiss it (kept, but off the list).
 * Another workspace's letters do not exist for the caller.
 */
@Component
public class DeadLetters {
    private final JdbcClient jdbc;
    private final SocialDeliveryQueue queue;

    DeadLetters(JdbcClient jdbc, SocialDeliveryQueue queue) {
        this.jdbc = jdbc;
        this.queue = queue;
    }

    /** The workspace's dead letters, newest first, optionally of one inbox; payloads are included. */
    public Page<DeadLetter> list(Actor actor, Long inboxId, Paging paging) {
        actor.require(Role.ADMIN);
        String where = "workspace_id = ? AND status = 'DEAD'" + (inboxId == null ? "" : " AND inbox_id = ?");
        Object[] params = inboxId == null ? new Object[] {actor.workspace()} : new Object[] {actor.workspace(), inboxId};
        long total = jdbc.sql("SELECT COUNT(*) FROM social_delivery WHERE " + where).params(params).query(Long.class).single();
        List<Object> pageParams = new java.util.ArrayList<>(List.of(params));
        pageParams.add(paging.size());
        pageParams.add(paging.offset());
        List<DeadLetter> items = jdbc.sql("SELECT * FROM social_delivery WHERE " + where
                        + " ORDER BY dead_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(pageParams).query(DeadLetters::map).list();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    public DeadLetter get(Actor actor, long id) {
        actor.require(Role.ADMIN);
        return jdbc.sql("SELECT * FROM social_delivery WHERE id = ? AND workspace_id = ? AND status = 'DEAD'")
                .params(id, actor.workspace()).query(DeadLetters::map).optional()
                .orElseThrow(() -> new NotFoundException("dead letter", id));
    }

    /** Puts a dead letter back in the queue, due now, with a fresh set of retries. */
    public void replay(Actor actor, long id) {
        actor.require(Role.ADMIN);
        int updated = jdbc.sql("""
                UPDATE social_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, dead_reason = NULL,
                    dead_at = NULL WHERE id = ? AND workspace_id = ? AND status = 'DEAD'""")
                .params(Sql.ts(Instant.now()), id, actor.workspace()).update();
        if (updated == 0) {
            throw new NotFoundException("dead letter", id);
        }
        queue.wake();
    }

    /** Takes a dead letter off the list; the row stays (status DISMISSED) as a record of what was not processed. */
    public void dismiss(Actor actor, long id) {
        actor.require(Role.ADMIN);
        int updated = jdbc.sql("UPDATE social_delivery SET status = 'DISMISSED' WHERE id = ? AND workspace_id = ? AND status = 'DEAD'")
                .params(id, actor.workspace()).update();
        if (updated == 0) {
            throw new NotFoundException("dead letter", id);
        }
    }

    /** How many dead letters each inbox of the workspace has (inboxes without any are absent). */
    public Map<Long, Long> countsByInbox(long workspaceId) {
        return jdbc.sql("SELECT inbox_id, COUNT(*) AS n FROM social_delivery WHERE workspace_id = ? AND status = 'DEAD' GROUP BY inbox_id")
                .param(workspaceId).query((rs, n) -> Map.entry(rs.getLong("inbox_id"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static DeadLetter map(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getLong("inbox_id"), rs.getString("source"), rs.getString("dead_reason"),
                rs.getString("last_error"), rs.getInt("attempts"), Sql.instant(rs, "received_at"), Sql.instant(rs, "dead_at"),
                rs.getString("payload"));
    }
}
