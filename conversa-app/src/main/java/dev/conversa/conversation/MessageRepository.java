package dev.conversa.conversation;

import dev.conversa.kernel.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for messages and their attachments. */
@Repository
class MessageRepository {
    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when (inbox, external id) was stored before. */
    long insert(long ws, long conversationId, long inboxId, Direction direction, Visibility visibility, AuthorType authorType,
                Long authorId, String body, String externalId, DeliveryStatus status, Instant at) {
        return insert(ws, conversationId, inboxId, direction, visibility, authorType, authorId, body, externalId, status, at,
                null, null);
    }

    long insert(long ws, long conversationId, long inboxId, Direction direction, Visibility visibility, AuthorType authorType,
                Long authorId, String body, String externalId, DeliveryStatus status, Instant at, String language,
                String sentiment) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO message (workspace_id, conversation_id, inbox_id, direction, visibility, author_type, author_id,
                    body, external_id, delivery_status, created_at, language, sentiment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ws, conversationId, inboxId, direction.name(), visibility.name(), authorType.name(), authorId, body,
                        externalId, status.name(), Sql.ts(at), language, sentiment)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertAttachment(long ws, long messageId, Attachment a) {
        jdbc.sql("""
                INSERT INTO message_attachment (workspace_id, message_id, file_name, content_type, size_bytes, url)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(ws, messageId, a.fileName(), a.contentType(), a.sizeBytes(), a.url()).update();
    }

    Optional<Message> find(long ws, long id) {
        return jdbc.sql("SELECT * FROM message WHERE id = ? AND workspace_id = ?").params(id, ws).query(this::map).optional();
    }

    Optional<Message> findByExternalId(long ws, long inboxId, String externalId) {
        return jdbc.sql("SELECT * FROM message WHERE workspace_id = ? AND inbox_id = ? AND external_id = ?")
                .params(ws, inboxId, externalId).query(this::map).optional();
    }

    long count(long ws, long conversationId) {
        return jdbc.sql("SELECT COUNT(*) FROM message WHERE workspace_id = ? AND conversation_id = ?")
                .params(ws, conversationId).query(Long.class).single();
    }

    Optional<Message> lastInbound(long ws, long conversationId) {
        return jdbc.sql("""
                SELECT * FROM message WHERE workspace_id = ? AND conversation_id = ? AND direction = 'IN'
                ORDER BY created_at DESC, id DESC FETCH FIRST 1 ROWS ONLY""")
                .params(ws, conversationId).query(this::map).optional();
    }

    Optional<String> latestInboundExternalId(long ws, long conversationId) {
        return jdbc.sql("""
                SELECT external_id FROM message WHERE workspace_id = ? AND conversation_id = ? AND direction = 'IN'
                    AND external_id IS NOT NULL ORDER BY id DESC LIMIT 1""")
                .params(ws, conversationId).query(String.class).optional();
    }

    List<Long> sentOutboundUpTo(long ws, long conversationId, Instant watermark) {
        return jdbc.sql("""
                SELECT id FROM message WHERE workspace_id = ? AND conversation_id = ? AND direction = 'OUT'
                AND delivery_status IN ('SENT', 'DELIVERED') AND created_at <= ?""")
                .params(ws, conversationId, Sql.ts(watermark)).query(Long.class).list();
    }

    List<Message> list(long ws, long conversationId, int limit, long offset) {
        return jdbc.sql("SELECT * FROM message WHERE workspace_id = ? AND conversation_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?")
                .params(ws, conversationId, limit, offset).query(this::map).list();
    }

    void updateDelivery(long ws, long id, DeliveryStatus status, String error, String externalId) {
        jdbc.sql("""
                UPDATE message SET delivery_status = ?, delivery_error = ?, external_id = COALESCE(?, external_id)
                WHERE id = ? AND workspace_id = ?""")
                .params(status.name(), error, externalId, id, ws).update();
    }

    int updateAnalysis(long ws, long id, String language, String sentiment) {
        return jdbc.sql("UPDATE message SET language = ?, sentiment = ? WHERE id = ? AND workspace_id = ?")
                .params(language, sentiment, id, ws).update();
    }

    int updateEdited(long ws, long id, String body, Instant at) {
        return jdbc.sql("UPDATE message SET body = ?, edited_at = ? WHERE id = ? AND workspace_id = ?")
                .params(body, Sql.ts(at), id, ws).update();
    }

    int updateDeleted(long ws, long id, Instant at) {
        return jdbc.sql("UPDATE message SET deleted_at = ? WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL")
                .params(Sql.ts(at), id, ws).update();
    }

    private List<Attachment> attachments(long messageId) {
        return jdbc.sql("SELECT * FROM message_attachment WHERE message_id = ? ORDER BY id").param(messageId)
                .query((rs, n) -> new Attachment(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getString("url")))
                .list();
    }

    private Message map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new Message(id, rs.getLong("conversation_id"), rs.getLong("inbox_id"),
                Direction.valueOf(rs.getString("direction")), Visibility.valueOf(rs.getString("visibility")),
                AuthorType.valueOf(rs.getString("author_type")), Sql.longOrNull(rs, "author_id"), rs.getString("body"),
                rs.getString("external_id"), DeliveryStatus.valueOf(rs.getString("delivery_status")),
                rs.getString("delivery_error"), rs.getString("language"), rs.getString("sentiment"), attachments(id),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "edited_at"), Sql.instant(rs, "deleted_at"));
    }
}
