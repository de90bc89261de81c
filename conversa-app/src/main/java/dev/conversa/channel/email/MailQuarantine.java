package dev.conversa.channel.email;

import dev.conversa.kernel.Sql;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Mail that could not be read or ingested, kept byte for byte with the reason until an admin retries or dismisses
 * it. An entry is OPEN until then; INGESTED when a retry went through; DISMISSED when an admin let it go.
 */
@Repository
class MailQuarantine {
    enum Status { OPEN, INGESTED, DISMISSED }

    /** An entry as listed (without its bytes). */
    record Entry(long id, long inboxId, Long imapUid, String headerMessageId, String from, String subject, String reason,
                 long sizeBytes, Status status, int attempts, Instant receivedAt, Instant resolvedAt) {
    }

    private final JdbcClient jdbc;

    MailQuarantine(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void store(long ws, long inboxId, Long imapUid, byte[] raw, String reason) {
        MailHeaders h = MailHeaders.of(raw);
        jdbc.sql("""
                INSERT INTO email_quarantine (workspace_id, inbox_id, imap_uid, header_message_id, from_header, subject, reason,
                    size_bytes, raw_base64, status, attempts, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 1, ?)""")
                .params(ws, inboxId, imapUid, AutomaticMailLog.cut(h.messageId(), 998), AutomaticMailLog.cut(h.from(), 1000),
                        AutomaticMailLog.cut(h.subject(), 1000), AutomaticMailLog.cut(reason, 2000), raw.length,
                        Base64.getEncoder().encodeToString(raw), Sql.ts(Instant.now()))
                .update();
    }

    List<Entry> list(long ws, long inboxId, Status status, int limit) {
        return jdbc.sql("""
                SELECT id, inbox_id, imap_uid, header_message_id, from_header, subject, reason, size_bytes, status, attempts,
                    received_at, resolved_at
                FROM email_quarantine WHERE workspace_id = ? AND inbox_id = ? AND status = ? ORDER BY id DESC LIMIT ?""")
                .params(ws, inboxId, status.name(), limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getLong("inbox_id"), Sql.longOrNull(rs, "imap_uid"),
                        rs.getString("header_message_id"), rs.getString("from_header"), rs.getString("subject"),
                        rs.getString("reason"), rs.getLong("size_bytes"), Status.valueOf(rs.getString("status")),
                        rs.getInt("attempts"), Sql.instant(rs, "received_at"), Sql.instant(rs, "resolved_at")))
                .list();
    }

    Optional<Entry> find(long ws, long inboxId, long id) {
        return jdbc.sql("""
                SELECT id, inbox_id, imap_uid, header_message_id, from_header, subject, reason, size_bytes, status, attempts,
                    received_at, resolved_at
                FROM email_quarantine WHERE workspace_id = ? AND inbox_id = ? AND id = ?""")
                .params(ws, inboxId, id)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getLong("inbox_id"), Sql.longOrNull(rs, "imap_uid"),
                        rs.getString("header_message_id"), rs.getString("from_header"), rs.getString("subject"),
                        rs.getString("reason"), rs.getLong("size_bytes"), Status.valueOf(rs.getString("status")),
                        rs.getInt("attempts"), Sql.instant(rs, "received_at"), Sql.instant(rs, "resolved_at")))
                .optional();
    }

    /** The exact bytes as they came from the mailbox. */
    byte[] raw(long ws, long id) {
        String b64 = jdbc.sql("SELECT raw_base64 FROM email_quarantine WHERE workspace_id = ? AND id = ?").params(ws, id)
                .query(String.class).single();
        return Base64.getDecoder().decode(b64);
    }

    void failedAgain(long ws, long id, String reason) {
        jdbc.sql("UPDATE email_quarantine SET reason = ?, attempts = attempts + 1 WHERE workspace_id = ? AND id = ?")
                .params(AutomaticMailLog.cut(reason, 2000), ws, id).update();
    }

    /** Closes an OPEN entry; answers false when it was closed already. */
    boolean resolve(long ws, long id, Status status, Long by) {
        return jdbc.sql("""
                UPDATE email_quarantine SET status = ?, resolved_at = ?, resolved_by = ?
                WHERE workspace_id = ? AND id = ? AND status = 'OPEN'""")
                .params(status.name(), Sql.ts(Instant.now()), by, ws, id).update() == 1;
    }

    int countOpen(long ws, long inboxId) {
        return jdbc.sql("SELECT COUNT(*) FROM email_quarantine WHERE workspace_id = ? AND inbox_id = ? AND status = 'OPEN'")
                .params(ws, inboxId).query(Integer.class).single();
    }
}
