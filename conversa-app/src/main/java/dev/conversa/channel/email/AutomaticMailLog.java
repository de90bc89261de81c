package dev.conversa.channel.email;

import dev.conversa.kernel.Sql;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record every automatic mail leaves, per inbox (see {@link MailKind}). */
@Repository
class AutomaticMailLog {
    /**
     * @param conversationId the conversation it is about (a reply of ours it bounced, or the thread it answers)
     * @param messageId      our message it reports on (a bounce marks it FAILED)
     */
    record Entry(long id, long inboxId, MailKind kind, String headerMessageId, String fromAddress, String subject,
                 String recognisedBy, String detail, Long conversationId, Long messageId, Instant receivedAt) {
    }

    private final JdbcClient jdbc;

    AutomaticMailLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers false when this inbox has recorded the same Message-ID before (a redelivery). */
    boolean record(long ws, long inboxId, ParsedEmail mail, String detail, Long conversationId, Long messageId) {
        try {
            jdbc.sql("""
                    INSERT INTO email_automatic_mail (workspace_id, inbox_id, kind, header_message_id, from_address, subject,
                        recognised_by, detail, conversation_id, message_id, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(ws, inboxId, mail.automatic().name(), cut(mail.messageId(), 998), cut(mail.fromAddress(), 1000),
                            cut(mail.subject(), 1000), cut(mail.automaticSignal(), 1000), cut(detail, 2000), conversationId,
                            messageId, Sql.ts(Instant.now()))
                    .update();
            return true;
        } catch (DuplicateKeyException seenBefore) {
            return false;
        }
    }

    List<Entry> list(long ws, long inboxId, MailKind kind, int limit) {
        String kinds = kind == null ? "" : " AND kind = '" + kind.name() + "'"; // an enum name, never user text
        return jdbc.sql("SELECT * FROM email_automatic_mail WHERE workspace_id = ? AND inbox_id = ?" + kinds
                        + " ORDER BY id DESC LIMIT ?")
                .params(ws, inboxId, limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getLong("inbox_id"), MailKind.valueOf(rs.getString("kind")),
                        rs.getString("header_message_id"), rs.getString("from_address"), rs.getString("subject"),
                        rs.getString("recognised_by"), rs.getString("detail"), Sql.longOrNull(rs, "conversation_id"),
                        Sql.longOrNull(rs, "message_id"), Sql.instant(rs, "received_at")))
                .list();
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
