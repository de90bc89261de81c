package dev.conversa.reporting;

import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reporting facts. Every write is an insert that a second delivery of the same event leaves as it was
 * ({@code ON CONFLICT DO NOTHING} on PostgreSQL, {@code MERGE … KEY} on H2): the event publication registry
 * delivers at least once, and two listeners of one conversation may run at the same time.
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

    void conversation(long ws, long conversationId, long inboxId, ChannelType channel, Instant openedAt) {
        jdbc.sql(postgres
                        ? """
                        INSERT INTO reporting_conversation (conversation_id, workspace_id, inbox_id, channel, opened_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"""
                        : """
                        MERGE INTO reporting_conversation (conversation_id, workspace_id, inbox_id, channel, opened_at)
                        KEY (conversation_id) VALUES (?, ?, ?, ?, ?)""")
                .params(conversationId, ws, inboxId, channel.name(), Sql.ts(openedAt)).update();
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

    /** One conversation's facts: its first customer message, first agent reply after it, resolutions. */
    record Row(long conversationId, long inboxId, String channel, Instant openedAt, Instant firstInbound,
               Instant firstResponse, Instant firstResolved, int resolutions) {
    }

    /** The conversations of a workspace opened in [from, to). */
    List<Row> opened(long ws, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT c.conversation_id, c.inbox_id, c.channel, c.opened_at,
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
                WHERE c.workspace_id = ? AND c.opened_at >= ? AND c.opened_at < ?
                ORDER BY c.conversation_id""")
                .params(ws, Sql.ts(from), Sql.ts(to))
                .query((rs, n) -> new Row(rs.getLong("conversation_id"), rs.getLong("inbox_id"), rs.getString("channel"),
                        Sql.instant(rs, "opened_at"), Sql.instant(rs, "first_inbound"), Sql.instant(rs, "first_response"),
                        Sql.instant(rs, "first_resolved"), rs.getInt("resolutions")))
                .list();
    }
}
