package dev.conversa.reporting;

import dev.conversa.conversation.Conversation;
import dev.conversa.kernel.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reporting facts. Every write of a message or resolution is an insert that a second delivery of the same event
 * leaves as it was ({@code ON CONFLICT DO NOTHING} on PostgreSQL, {@code MERGE … KEY} on H2): the event publication
 * registry delivers at least once, and two listeners of one conversation may run at the same time. A conversation's
 * state is rewritten, never older over newer ({@link #conversationState}).
 */
@Repository
class ReportingStore {
    private final JdbcClient jdbc;
    private final boolean postgres;

    ReportingStore(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (var connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    /**
     * The conversation's fact with its current state (team, assignee, status, language, sentiment, tags): inserted
     * the first time, rewritten afterwards unless the fact already holds a newer state ({@code state_at}, the
     * conversation's {@code updated_at}), so two listeners reading the conversation at different moments cannot
     * leave the older state behind.
     */
    void conversationState(Conversation c) {
        Object[] state = {c.customerId(), c.teamId(), c.assigneeId(), c.status().name(), c.language(), c.sentiment(),
                Sql.ts(c.updatedAt())};
        if (postgres) {
            jdbc.sql("""
                    INSERT INTO reporting_conversation (conversation_id, workspace_id, inbox_id, channel, opened_at,
                        customer_id, team_id, assignee_id, status, language, sentiment, state_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (conversation_id) DO UPDATE SET customer_id = EXCLUDED.customer_id,
                        team_id = EXCLUDED.team_id, assignee_id = EXCLUDED.assignee_id, status = EXCLUDED.status,
                        language = EXCLUDED.language, sentiment = EXCLUDED.sentiment, state_at = EXCLUDED.state_at
                    WHERE reporting_conversation.state_at IS NULL OR reporting_conversation.state_at <= EXCLUDED.state_at""")
                    .params(c.id(), c.workspaceId(), c.inboxId(), c.channel().name(), Sql.ts(c.createdAt()))
                    .params(state).update();
        } else if (updateState(c, state) == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO reporting_conversation (conversation_id, workspace_id, inbox_id, channel, opened_at,
                            customer_id, team_id, assignee_id, status, language, sentiment, state_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(c.id(), c.workspaceId(), c.inboxId(), c.channel().name(), Sql.ts(c.createdAt()))
                        .params(state).update();
            } catch (DuplicateKeyException raced) {
                updateState(c, state); // another listener of the same conversation inserted it meanwhile
            }
        }
        jdbc.sql("DELETE FROM reporting_tag WHERE conversation_id = ?").param(c.id()).update();
        for (String tag : c.tags()) {
            jdbc.sql("INSERT INTO reporting_tag (conversation_id, tag, workspace_id) VALUES (?, ?, ?)")
                    .params(c.id(), tag, c.workspaceId()).update();
        }
    }

    /** H2: rewrites the state of an existing fact unless it holds a newer one; 0 when there is no fact yet. */
    private int updateState(Conversation c, Object[] state) {
        int matched = jdbc.sql("SELECT COUNT(*) FROM reporting_conversation WHERE conversation_id = ?").param(c.id())
                .query(Integer.class).single();
        if (matched == 0) {
            return 0;
        }
        jdbc.sql("""
                UPDATE reporting_conversation SET customer_id = ?, team_id = ?, assignee_id = ?, status = ?, language = ?,
                    sentiment = ?, state_at = ?
                WHERE conversation_id = ? AND (state_at IS NULL OR state_at <= ?)""")
                .params(state).params(c.id(), Sql.ts(c.updatedAt())).update();
        return matched;
    }

    void message(long ws, long conversationId, long messageId, String direction, String authorType, Long authorId,
                 Instant createdAt) {
        jdbc.sql(postgres
                        ? """
                        INSERT INTO reporting_message (message_id, workspace_id, conversation_id, direction, author_type,
                            author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"""
                        : """
                        MERGE INTO reporting_message (message_id, workspace_id, conversation_id, direction, author_type,
                            author_id, created_at) KEY (message_id) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(messageId, ws, conversationId, direction, authorType, authorId, Sql.ts(createdAt)).update();
    }

    void resolution(long ws, long conversationId, Instant resolvedAt, Long agentId) {
        jdbc.sql(postgres
                        ? """
                        INSERT INTO reporting_resolution (conversation_id, resolved_at, workspace_id, agent_id)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"""
                        : """
                        MERGE INTO reporting_resolution (conversation_id, resolved_at, workspace_id, agent_id)
                        KEY (conversation_id, resolved_at) VALUES (?, ?, ?, ?)""")
                .params(conversationId, Sql.ts(resolvedAt), ws, agentId).update();
    }

    /**
     * One conversation's facts: its first customer message, first agent reply after it, resolutions; the agent replies
     * up to the first resolution; the first message the same customer wrote after that resolution, in any of the
     * workspace's conversations (any channel); and the waits for a next response ({@link ResponseWaits}).
     */
    record Row(long conversationId, long inboxId, String channel, Instant openedAt, Instant firstInbound,
               Instant firstResponse, Instant firstResolved, int resolutions, int agentRepliesToResolution,
               Instant customerBackAt, List<ResponseWaits.Wait> nextResponses) {

        Row(long conversationId, long inboxId, String channel, Instant openedAt, Instant firstInbound,
            Instant firstResponse, Instant firstResolved, int resolutions) {
            this(conversationId, inboxId, channel, openedAt, firstInbound, firstResponse, firstResolved, resolutions,
                    0, null, List.of());
        }
    }

    /** The conversations of a workspace opened in [from, to). */
    List<Row> opened(long ws, Instant from, Instant to) {
        Map<Long, List<ResponseWaits.Wait>> waits = nextResponses(ws, from, to);
        return jdbc.sql("""
                SELECT c.*,
                  (SELECT COUNT(*) FROM reporting_message o
                    WHERE o.conversation_id = c.conversation_id AND o.direction = 'OUT' AND o.author_type = 'AGENT'
                      AND o.created_at <= c.first_resolved) AS agent_replies_to_resolution,
                  (SELECT MIN(m.created_at) FROM reporting_message m
                     JOIN reporting_conversation other ON other.conversation_id = m.conversation_id
                    WHERE other.workspace_id = c.workspace_id AND other.customer_id = c.customer_id
                      AND m.direction = 'IN' AND m.created_at > c.first_resolved) AS customer_back_at
                FROM (SELECT c.conversation_id, c.workspace_id, c.customer_id, c.inbox_id, c.channel, c.opened_at,
                  (SELECT MIN(i.created_at) FROM reporting_message i
                    WHERE i.conversation_id = c.conversation_id AND i.direction = 'IN') AS first_inbound,
                  (SELECT MIN(o.created_at) FROM reporting_message o
                    WHERE o.conversation_id = c.conversation_id AND o.direction = 'OUT' AND o.author_type = 'AGENT'
                      AND o.created_at >= (SELECT MIN(i.created_at) FROM reporting_message i
                                           WHERE i.conversation_id = c.conversation_id AND i.direction = 'IN'))
                    AS first_response,
                  (SELECT MIN(r.resolved_at) FROM reporting_resolution r WHERE r.conversation_id = c.conversation_id)
                    AS first_resolved,
                  (SELECT COUNT(*) FROM reporting_resolution r WHERE r.conversation_id = c.conversation_id) AS resolutions
                FROM reporting_conversation c
                WHERE c.workspace_id = ? AND c.opened_at >= ? AND c.opened_at < ?) c
                ORDER BY c.conversation_id""")
                .params(ws, Sql.ts(from), Sql.ts(to))
                .query((rs, n) -> new Row(rs.getLong("conversation_id"), rs.getLong("inbox_id"), rs.getString("channel"),
                        Sql.instant(rs, "opened_at"), Sql.instant(rs, "first_inbound"), Sql.instant(rs, "first_response"),
                        Sql.instant(rs, "first_resolved"), rs.getInt("resolutions"),
                        rs.getInt("agent_replies_to_resolution"), Sql.instant(rs, "customer_back_at"),
                        waits.getOrDefault(rs.getLong("conversation_id"), List.of())))
                .list();
    }

    /** The next-response waits of the conversations opened in [from, to), from their customer and agent messages. */
    private Map<Long, List<ResponseWaits.Wait>> nextResponses(long ws, Instant from, Instant to) {
        Map<Long, ResponseWaits> byConversation = new HashMap<>();
        jdbc.sql("""
                SELECT m.conversation_id, m.direction, m.created_at FROM reporting_message m
                  JOIN reporting_conversation c ON c.conversation_id = m.conversation_id
                WHERE c.workspace_id = ? AND c.opened_at >= ? AND c.opened_at < ?
                  AND (m.direction = 'IN' OR m.author_type = 'AGENT')
                ORDER BY m.conversation_id, m.created_at, m.message_id""")
                .params(ws, Sql.ts(from), Sql.ts(to))
                .query(rs -> {
                    ResponseWaits w = byConversation.computeIfAbsent(rs.getLong("conversation_id"), k -> new ResponseWaits());
                    Instant at = Sql.instant(rs, "created_at");
                    if ("IN".equals(rs.getString("direction"))) {
                        w.customerWrote(at);
                    } else {
                        w.agentReplied(at);
                    }
                });
        Map<Long, List<ResponseWaits.Wait>> out = new HashMap<>();
        byConversation.forEach((id, w) -> out.put(id, w.nextResponses()));
        return out;
    }

    /** The workspace's first-contact window in days, if it set one. */
    java.util.Optional<Integer> fcrWindowDays(long ws) {
        return jdbc.sql("SELECT fcr_window_days FROM reporting_settings WHERE workspace_id = ?").param(ws)
                .query(Integer.class).optional();
    }

    void fcrWindowDays(long ws, int days) {
        if (jdbc.sql("UPDATE reporting_settings SET fcr_window_days = ? WHERE workspace_id = ?").params(days, ws).update() == 0) {
            try {
                jdbc.sql("INSERT INTO reporting_settings (workspace_id, fcr_window_days) VALUES (?, ?)").params(ws, days).update();
            } catch (DuplicateKeyException raced) {
                jdbc.sql("UPDATE reporting_settings SET fcr_window_days = ? WHERE workspace_id = ?").params(days, ws).update();
            }
        }
    }

    /** The facts of a customer's conversations (a merge moves them to another customer). */
    List<Long> conversationsOf(long ws, long customerId) {
        return jdbc.sql("SELECT conversation_id FROM reporting_conversation WHERE workspace_id = ? AND customer_id = ?")
                .params(ws, customerId).query(Long.class).list();
    }
}
