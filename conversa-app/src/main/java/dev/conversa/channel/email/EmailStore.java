package dev.conversa.channel.email;

import dev.conversa.kernel.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Threading references, the IMAP cursor and stored attachments of email inboxes. */
@Repository
class EmailStore {
    record Ref(String headerMessageId, String threadKey, Long conversationId, Long messageId, boolean outbound) {
    }

    private final JdbcClient jdbc;

    EmailStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Ref> ref(long inboxId, String headerMessageId) {
        return jdbc.sql("""
                SELECT header_message_id, thread_key, conversation_id, message_id, outbound FROM email_thread_ref
                WHERE inbox_id = ? AND header_message_id = ?""")
                .params(inboxId, headerMessageId)
                .query((rs, n) -> new Ref(rs.getString(1), rs.getString(2), Sql.longOrNull(rs, "conversation_id"),
                        Sql.longOrNull(rs, "message_id"), rs.getBoolean(5)))
                .optional();
    }

    /** The thread of the latest message with the same base subject from (or to) the same address, if recent. */
    Optional<String> threadBySubject(long inboxId, String baseSubject, String sender, Instant since) {
        return jdbc.sql("""
                SELECT thread_key FROM email_thread_ref WHERE inbox_id = ? AND subject = ? AND sender = ? AND created_at > ?
                ORDER BY id DESC LIMIT 1""")
                .params(inboxId, baseSubject, sender, Sql.ts(since)).query(String.class).optional();
    }

    void remember(long ws, long inboxId, String headerMessageId, String threadKey, Long conversationId, Long messageId,
                  boolean outbound, String baseSubject, String sender) {
        try {
            jdbc.sql("""
                    INSERT INTO email_thread_ref (workspace_id, inbox_id, header_message_id, thread_key, conversation_id,
                        message_id, outbound, subject, sender, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(ws, inboxId, headerMessageId, threadKey, conversationId, messageId, outbound,
                            baseSubject == null ? null : baseSubject.substring(0, Math.min(1000, baseSubject.length())),
                            sender, Sql.ts(Instant.now()))
                    .update();
        } catch (DuplicateKeyException seenBefore) {
            // a redelivery, or a resend of the same reply: the first record stands
        }
    }

    /** Message-IDs of a conversation, oldest first, for the References header of a reply. */
    List<String> conversationIds(long conversationId) {
        return jdbc.sql("SELECT header_message_id FROM email_thread_ref WHERE conversation_id = ? ORDER BY id")
                .param(conversationId).query(String.class).list();
    }

    record Cursor(long uidValidity, long lastUid) {
    }

    Optional<Cursor> cursor(long inboxId) {
        return jdbc.sql("SELECT uid_validity, last_uid FROM email_mailbox_cursor WHERE inbox_id = ?").param(inboxId)
                .query((rs, n) -> new Cursor(rs.getLong(1), rs.getLong(2))).optional();
    }

    /**
     * Creates the inbox's cursor at "nothing read yet" (UID 0) unless it exists, outside any transaction, so that
     * {@link #saveCursor} only ever updates: an insert racing another reader would abort the fenced transaction on
     * PostgreSQL.
     */
    void startCursor(long inboxId, long uidValidity) {
        if (cursor(inboxId).isEmpty()) {
            try {
                jdbc.sql("INSERT INTO email_mailbox_cursor (inbox_id, uid_validity, last_uid, updated_at) VALUES (?, ?, 0, ?)")
                        .params(inboxId, uidValidity, Sql.ts(Instant.now())).update();
            } catch (DuplicateKeyException race) {
                // another reader created it first
            }
        }
    }

    /**
     * Moves the cursor (made by {@link #startCursor}) forward, or onto a new UIDVALIDITY, never back: a reader that
     * fetched an older batch cannot undo a newer reader's progress.
     */
    void saveCursor(long inboxId, long uidValidity, long lastUid) {
        jdbc.sql("""
                UPDATE email_mailbox_cursor SET uid_validity = ?, last_uid = ?, updated_at = ?
                WHERE inbox_id = ? AND (uid_validity <> ? OR last_uid < ?)""")
                .params(uidValidity, lastUid, Sql.ts(Instant.now()), inboxId, uidValidity, lastUid).update();
    }

    long storeAttachment(long ws, long inboxId, String fileName, String contentType, byte[] content) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO channel_attachment (workspace_id, inbox_id, file_name, content_type, size_bytes, content_base64,
                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(ws, inboxId, fileName, contentType, content.length, Base64.getEncoder().encodeToString(content),
                        Sql.ts(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    static Instant recent() {
        return Instant.now().minus(Duration.ofDays(30));
    }
}
