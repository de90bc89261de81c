package dev.conversa.reporting;

import dev.conversa.kernel.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the facts of the export one conversation at a time. The rows come from a JDBC cursor: the driver holds
 * {@value #FETCH_SIZE} rows at a time (PostgreSQL fetches with a cursor only inside a transaction, which
 * {@link ConversationExport} opens), so memory does not grow with the range.
 */
@Repository
class ExportQuery {
    static final int FETCH_SIZE = 500;
    /**
     * Joins the tags in SQL: the unit-separator control character, which tags do not hold in practice; tags are not
     * checked for it, so a tag containing one would come out of the export split in two.
     */
    private static final String TAG_SEPARATOR = "\u001F";

    private final JdbcClient jdbc;
    private final String tags;

    ExportQuery(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        boolean postgres;
        try (var connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        this.tags = postgres
                ? "(SELECT STRING_AGG(t.tag, '" + TAG_SEPARATOR + "' ORDER BY t.tag) FROM reporting_tag t WHERE t.conversation_id = c.conversation_id)"
                : "(SELECT LISTAGG(t.tag, '" + TAG_SEPARATOR + "') WITHIN GROUP (ORDER BY t.tag) FROM reporting_tag t WHERE t.conversation_id = c.conversation_id)";
    }

    /** Hands each conversation of the workspace opened in [from, to), by opening time, to {@code sink}. */
    void each(long ws, Instant from, Instant to, Consumer<ExportedConversation> sink) {
        try (Stream<ExportedConversation> rows = jdbc.sql("""
                        SELECT c.conversation_id, c.opened_at, c.channel, c.inbox_id, c.team_id, c.assignee_id,
                          c.customer_id, c.status, c.language, c.sentiment, %s AS tags,
                          (SELECT MIN(i.created_at) FROM reporting_message i
                            WHERE i.conversation_id = c.conversation_id AND i.direction = 'IN') AS first_inbound,
                          (SELECT MIN(o.created_at) FROM reporting_message o
                            WHERE o.conversation_id = c.conversation_id AND o.direction = 'OUT' AND o.author_type = 'AGENT'
                              AND o.created_at >= (SELECT MIN(i.created_at) FROM reporting_message i
                                                   WHERE i.conversation_id = c.conversation_id AND i.direction = 'IN'))
                            AS first_response,
                          (SELECT MIN(r.resolved_at) FROM reporting_resolution r
                            WHERE r.conversation_id = c.conversation_id) AS first_resolved,
                          (SELECT MAX(r.resolved_at) FROM reporting_resolution r
                            WHERE r.conversation_id = c.conversation_id) AS last_resolved,
                          (SELECT COUNT(*) FROM reporting_resolution r
                            WHERE r.conversation_id = c.conversation_id) AS resolutions,
                          (SELECT COUNT(*) FROM reporting_message i
                            WHERE i.conversation_id = c.conversation_id AND i.direction = 'IN') AS inbound_messages,
                          (SELECT COUNT(*) FROM reporting_message o
                            WHERE o.conversation_id = c.conversation_id AND o.direction = 'OUT' AND o.author_type = 'AGENT')
                            AS agent_replies
                        FROM reporting_conversation c
                        WHERE c.workspace_id = ? AND c.opened_at >= ? AND c.opened_at < ?
                        ORDER BY c.opened_at, c.conversation_id""".formatted(tags))
                .withFetchSize(FETCH_SIZE)
                .params(ws, Sql.ts(from), Sql.ts(to))
                .query((rs, n) -> row(rs))
                .stream()) {
            rows.forEach(sink);
        }
    }

    private static ExportedConversation row(ResultSet rs) throws SQLException {
        Instant opened = Sql.instant(rs, "opened_at");
        Instant firstInbound = Sql.instant(rs, "first_inbound");
        Instant firstResponse = Sql.instant(rs, "first_response");
        Instant firstResolved = Sql.instant(rs, "first_resolved");
        int resolutions = rs.getInt("resolutions");
        Instant start = firstInbound == null || opened.isBefore(firstInbound) ? opened : firstInbound;
        String tagList = rs.getString("tags");
        return new ExportedConversation(rs.getLong("conversation_id"), opened, rs.getString("channel"),
                rs.getLong("inbox_id"), Sql.longOrNull(rs, "team_id"), Sql.longOrNull(rs, "assignee_id"),
                Sql.longOrNull(rs, "customer_id"), rs.getString("status"), rs.getString("language"),
                rs.getString("sentiment"), tagList == null ? List.of() : Arrays.asList(tagList.split(TAG_SEPARATOR)),
                firstInbound, firstResponse, firstResponse == null ? null : seconds(firstInbound, firstResponse),
                firstResolved, Sql.instant(rs, "last_resolved"), resolutions, Math.max(0, resolutions - 1),
                firstResolved == null ? null : seconds(start, firstResolved), rs.getInt("inbound_messages"),
                rs.getInt("agent_replies"));
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
