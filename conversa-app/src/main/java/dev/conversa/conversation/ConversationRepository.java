package dev.conversa.conversation;

import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for conversations, notes and tags; every statement is scoped by workspace. */
@Repository
class ConversationRepository {
    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long ws, long inboxId, ChannelType channel, long customerId, String subject, String threadKey,
                Priority priority, Long teamId, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO conversation (workspace_id, inbox_id, channel, customer_id, subject, thread_key, status, priority,
                    team_id, message_count, created_at, updated_at, last_message_at)
                VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, 0, ?, ?, ?)""")
                .params(ws, inboxId, channel.name(), customerId, subject, threadKey, priority.name(), teamId,
                        Sql.ts(at), Sql.ts(at), Sql.ts(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Conversation> find(long ws, long id) {
        return jdbc.sql("SELECT * FROM conversation WHERE id = ? AND workspace_id = ?").params(id, ws)
                .query(this::map).optional();
    }

    /** The conversation a new message on this thread belongs to: the latest one not closed (tags not loaded). */
    Optional<Conversation> findActiveByThread(long ws, long inboxId, String threadKey) {
        return jdbc.sql("""
                SELECT * FROM conversation WHERE workspace_id = ? AND inbox_id = ? AND thread_key = ? AND status <> 'CLOSED'
                ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""").params(ws, inboxId, threadKey)
                .query(ConversationRepository::mapWithoutTags).optional();
    }

    long count(long ws, ConversationFilter f) {
        var where = where(ws, f);
        return jdbc.sql("SELECT COUNT(*) FROM conversation c WHERE " + where.sql).params(where.params).query(Long.class).single();
    }

    List<Conversation> list(long ws, ConversationFilter f, int limit, long offset) {
        var where = where(ws, f);
        String order = switch (f.sort() == null ? ConversationFilter.Sort.NEWEST : f.sort()) {
            case NEWEST -> "c.last_message_at DESC, c.id DESC";
            case OLDEST_WAITING -> "CASE WHEN c.waiting_since IS NULL THEN 1 ELSE 0 END, c.waiting_since, c.id";
            case PRIORITY -> "CASE c.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END, "
                    + "c.last_message_at DESC, c.id DESC";
        };
        where.params.put("limit", limit);
        where.params.put("offset", offset);
        List<Conversation> page = jdbc.sql("SELECT c.* FROM conversation c WHERE " + where.sql + " ORDER BY " + order
                + " LIMIT :limit OFFSET :offset").params(where.params).query(ConversationRepository::mapWithoutTags).list();
        return withTags(ws, page);
    }

    /** Tags of a whole page in one query (not one per row). */
    private List<Conversation> withTags(long ws, List<Conversation> page) {
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("SELECT conversation_id, tag FROM conversation_tag WHERE workspace_id = :ws AND conversation_id IN (:ids) ORDER BY tag")
                .param("ws", ws).param("ids", page.stream().map(Conversation::id).toList())
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return page.stream().map(c -> withTags(c, List.copyOf(tags.getOrDefault(c.id(), List.of())))).toList();
    }

    private static Conversation withTags(Conversation c, List<String> tags) {
        return new Conversation(c.id(), c.workspaceId(), c.inboxId(), c.channel(), c.customerId(), c.subject(), c.threadKey(),
                c.status(), c.priority(), c.assigneeId(), c.teamId(), c.language(), c.sentiment(), tags, c.messageCount(),
                c.createdAt(), c.updatedAt(), c.lastMessageAt(), c.waitingSince(), c.firstResponseAt(), c.resolvedAt(),
                c.snoozedUntil(), c.handleSeconds());
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(long ws, ConversationFilter f) {
        var sql = new StringBuilder("c.workspace_id = :ws");
        Map<String, Object> p = new HashMap<>();
        p.put("ws", ws);
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            sql.append(" AND c.status IN (:statuses)");
            p.put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.inboxId() != null) {
            sql.append(" AND c.inbox_id = :inbox");
            p.put("inbox", f.inboxId());
        }
        if (f.channel() != null) {
            sql.append(" AND c.channel = :channel");
            p.put("channel", f.channel().name());
        }
        if (f.unassigned()) {
            sql.append(" AND c.assignee_id IS NULL");
        } else if (f.assigneeId() != null) {
            sql.append(" AND c.assignee_id = :assignee");
            p.put("assignee", f.assigneeId());
        }
        if (f.teamId() != null) {
            sql.append(" AND c.team_id = :team");
            p.put("team", f.teamId());
        }
        if (f.customerId() != null) {
            sql.append(" AND c.customer_id = :customer");
            p.put("customer", f.customerId());
        }
        if (f.priority() != null) {
            sql.append(" AND c.priority = :priority");
            p.put("priority", f.priority().name());
        }
        if (f.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM conversation_tag t WHERE t.conversation_id = c.id AND t.tag = :tag)");
            p.put("tag", f.tag());
        }
        return new Where(sql.toString(), p);
    }

    void updateAssignment(long ws, long id, Long assigneeId, Long teamId) {
        jdbc.sql("UPDATE conversation SET assignee_id = ?, team_id = ?, updated_at = ? WHERE id = ? AND workspace_id = ?")
                .params(assigneeId, teamId, Sql.ts(Instant.now()), id, ws).update();
    }

    void updateStatus(long ws, long id, ConversationStatus status, Instant resolvedAt, Instant snoozedUntil) {
        jdbc.sql("""
                UPDATE conversation SET status = ?, resolved_at = ?, snoozed_until = ?, updated_at = ?
                WHERE id = ? AND workspace_id = ?""")
                .params(status.name(), Sql.ts(resolvedAt), Sql.ts(snoozedUntil), Sql.ts(Instant.now()), id, ws).update();
    }

    void updatePriority(long ws, long id, Priority priority) {
        jdbc.sql("UPDATE conversation SET priority = ?, updated_at = ? WHERE id = ? AND workspace_id = ?")
                .params(priority.name(), Sql.ts(Instant.now()), id, ws).update();
    }

    /** A customer message arrived: it now waits for an answer (unless it already did). */
    void addHandleTime(long ws, long id, int seconds) {
        jdbc.sql("UPDATE conversation SET handle_seconds = handle_seconds + ? WHERE workspace_id = ? AND id = ?")
                .params(seconds, ws, id).update();
    }

    /** A customer wrote: the conversation waits for an answer, and takes the message's language and sentiment if known. */
    void touchInbound(long ws, long id, Instant at, String language, String sentiment) {
        jdbc.sql("""
                UPDATE conversation SET message_count = message_count + 1, last_message_at = ?, updated_at = ?,
                    waiting_since = COALESCE(waiting_since, ?), language = COALESCE(?, language),
                    sentiment = COALESCE(?, sentiment)
                WHERE id = ? AND workspace_id = ?""")
                .params(Sql.ts(at), Sql.ts(Instant.now()), Sql.ts(at), language, sentiment, id, ws).update();
    }

    /** The workspace answered: nobody waits any more, and the first answer's time is kept. */
    void touchOutbound(long ws, long id, Instant at) {
        jdbc.sql("""
                UPDATE conversation SET message_count = message_count + 1, last_message_at = ?, updated_at = ?,
                    waiting_since = NULL, first_response_at = COALESCE(first_response_at, ?)
                WHERE id = ? AND workspace_id = ?""")
                .params(Sql.ts(at), Sql.ts(Instant.now()), Sql.ts(at), id, ws).update();
    }

    /** A customer's message sets its conversation's language and sentiment (an agent's does not). */
    void updateAnalysisFromInbound(long ws, long messageId, String language, String sentiment) {
        jdbc.sql("""
                UPDATE conversation SET language = COALESCE(?, language), sentiment = COALESCE(?, sentiment)
                WHERE workspace_id = ? AND id = (SELECT conversation_id FROM message WHERE id = ? AND workspace_id = ?
                    AND direction = 'IN')""")
                .params(language, sentiment, ws, messageId, ws).update();
    }

    List<String> tags(long conversationId) {
        return jdbc.sql("SELECT tag FROM conversation_tag WHERE conversation_id = ? ORDER BY tag").param(conversationId)
                .query(String.class).list();
    }

    void replaceTags(long ws, long conversationId, List<String> tags) {
        jdbc.sql("DELETE FROM conversation_tag WHERE conversation_id = ? AND workspace_id = ?").params(conversationId, ws).update();
        for (String tag : tags) {
            jdbc.sql("INSERT INTO conversation_tag (conversation_id, workspace_id, tag) VALUES (?, ?, ?)")
                    .params(conversationId, ws, tag).update();
        }
    }

    List<String> allTags(long ws) {
        return jdbc.sql("SELECT DISTINCT tag FROM conversation_tag WHERE workspace_id = ? ORDER BY tag").param(ws)
                .query(String.class).list();
    }

    long insertNote(long ws, long conversationId, Long authorId, String body) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO conversation_note (workspace_id, conversation_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(ws, conversationId, authorId, body, Sql.ts(Instant.now())).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<ConversationNote> notes(long ws, long conversationId) {
        return jdbc.sql("SELECT * FROM conversation_note WHERE workspace_id = ? AND conversation_id = ? ORDER BY id")
                .params(ws, conversationId)
                .query((rs, n) -> new ConversationNote(rs.getLong("id"), conversationId, Sql.longOrNull(rs, "author_id"),
                        rs.getString("body"), Sql.instant(rs, "created_at")))
                .list();
    }

    private Conversation map(ResultSet rs, int row) throws SQLException {
        Conversation c = mapWithoutTags(rs, row);
        return withTags(c, tags(c.id()));
    }

    private static Conversation mapWithoutTags(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new Conversation(id, rs.getLong("workspace_id"), rs.getLong("inbox_id"),
                ChannelType.valueOf(rs.getString("channel")), rs.getLong("customer_id"), rs.getString("subject"),
                rs.getString("thread_key"), ConversationStatus.valueOf(rs.getString("status")),
                Priority.valueOf(rs.getString("priority")), Sql.longOrNull(rs, "assignee_id"), Sql.longOrNull(rs, "team_id"),
                rs.getString("language"), rs.getString("sentiment"), List.of(), rs.getInt("message_count"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), Sql.instant(rs, "last_message_at"),
                Sql.instant(rs, "waiting_since"), Sql.instant(rs, "first_response_at"), Sql.instant(rs, "resolved_at"),
                Sql.instant(rs, "snoozed_until"), rs.getInt("handle_seconds"));
    }


    List<WaitingCount> waiting(long ws) {
        return jdbc.sql("""
                SELECT inbox_id, team_id, COUNT(*) AS waiting, MIN(waiting_since) AS oldest FROM conversation
                WHERE workspace_id = ? AND status = 'OPEN' AND waiting_since IS NOT NULL
                GROUP BY inbox_id, team_id ORDER BY inbox_id, team_id""")
                .param(ws)
                .query((rs, n) -> new WaitingCount(rs.getLong("inbox_id"), Sql.longOrNull(rs, "team_id"),
                        rs.getLong("waiting"), Sql.instant(rs, "oldest")))
                .list();
    }
}
