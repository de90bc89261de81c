package dev.conversa.reporting;

import dev.conversa.kernel.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The volume, backlog and SLA queries over the facts, grouped in SQL so a report reads one row per group. */
@Repository
class Breakdowns {
    private final JdbcClient jdbc;

    Breakdowns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts per group: conversations opened, customer messages, agent replies, resolutions in [from, to). */
    Map<String, long[]> volume(long ws, Instant from, Instant to, String by) {
        Map<String, long[]> out = new TreeMap<>();
        String tagJoin = by.equals("tag") ? " LEFT JOIN reporting_tag t ON t.conversation_id = c.conversation_id" : "";
        count(out, 0, """
                SELECT %s AS k, COUNT(*) AS n FROM reporting_conversation c%s
                WHERE c.workspace_id = ? AND c.opened_at >= ? AND c.opened_at < ?%s"""
                .formatted(key(by, "c.assignee_id"), tagJoin, groupBy(by, "c.assignee_id")), ws, from, to);
        count(out, 1, """
                SELECT %s AS k, COUNT(*) AS n FROM reporting_message m
                  JOIN reporting_conversation c ON c.conversation_id = m.conversation_id%s
                WHERE m.workspace_id = ? AND m.created_at >= ? AND m.created_at < ? AND m.direction = 'IN'%s"""
                .formatted(key(by, "c.assignee_id"), tagJoin, groupBy(by, "c.assignee_id")), ws, from, to);
        count(out, 2, """
                SELECT %s AS k, COUNT(*) AS n FROM reporting_message m
                  JOIN reporting_conversation c ON c.conversation_id = m.conversation_id%s
                WHERE m.workspace_id = ? AND m.created_at >= ? AND m.created_at < ? AND m.direction = 'OUT'
                  AND m.author_type = 'AGENT'%s"""
                .formatted(key(by, "m.author_id"), tagJoin, groupBy(by, "m.author_id")), ws, from, to);
        count(out, 3, """
                SELECT %s AS k, COUNT(*) AS n FROM reporting_resolution r
                  JOIN reporting_conversation c ON c.conversation_id = r.conversation_id%s
                WHERE r.workspace_id = ? AND r.resolved_at >= ? AND r.resolved_at < ?%s"""
                .formatted(key(by, "r.agent_id"), tagJoin, groupBy(by, "r.agent_id")), ws, from, to);
        return out;
    }

    /**
     * The group a row falls in. By agent, each count takes the agent it is about: the current assignee for
     * conversations and customer messages, the author for replies, the assignee at the moment for resolutions.
     */
    private static String key(String by, String agentColumn) {
        return switch (by) {
            case "channel" -> "c.channel";
            case "inbox" -> "CAST(c.inbox_id AS VARCHAR(20))";
            case "team" -> "CAST(c.team_id AS VARCHAR(20))";
            case "agent" -> "CAST(" + agentColumn + " AS VARCHAR(20))";
            case "tag" -> "t.tag";
            default -> "'all'";
        };
    }

    /** PostgreSQL refuses {@code GROUP BY 'all'}: without a grouping the counts are one aggregate row. */
    private static String groupBy(String by, String agentColumn) {
        return by.equals("none") ? "" : " GROUP BY " + key(by, agentColumn);
    }

    private void count(Map<String, long[]> out, int column, String sql, long ws, Instant from, Instant to) {
        jdbc.sql(sql).params(ws, Sql.ts(from), Sql.ts(to)).query(rs -> {
            String k = rs.getString("k");
            out.computeIfAbsent(k == null ? "none" : k, x -> new long[4])[column] += rs.getLong("n");
        });
    }

    /** Each conversation not resolved or closed: when it opened and its status. */
    void open(long ws, BiConsumer<Instant, String> each) {
        jdbc.sql("""
                SELECT opened_at, status FROM reporting_conversation
                WHERE workspace_id = ? AND status IN ('OPEN', 'PENDING', 'SNOOZED')""")
                .param(ws).query(rs -> {
                    each.accept(Sql.instant(rs, "opened_at"), rs.getString("status"));
                });
    }

    /** The ids of the conversations opened in [from, to). */
    List<Long> openedIds(long ws, Instant from, Instant to) {
        return new ArrayList<>(jdbc.sql("""
                SELECT conversation_id FROM reporting_conversation
                WHERE workspace_id = ? AND opened_at >= ? AND opened_at < ? ORDER BY conversation_id""")
                .params(ws, Sql.ts(from), Sql.ts(to)).query(Long.class).list());
    }
}
