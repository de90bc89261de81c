package dev.conversa.channel.sms;

import dev.conversa.kernel.Sql;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Opt-outs and the parts of long messages already accepted by the provider. */
@Repository
class SmsStore {
    private final JdbcClient jdbc;

    SmsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean optedOut(long inboxId, String phone) {
        return jdbc.sql("SELECT COUNT(*) FROM sms_opt_out WHERE inbox_id = ? AND phone = ?").params(inboxId, phone)
                .query(Long.class).single() > 0;
    }

    void optOut(long ws, long inboxId, String phone) {
        try {
            jdbc.sql("INSERT INTO sms_opt_out (workspace_id, inbox_id, phone, opted_out_at) VALUES (?, ?, ?, ?)")
                    .params(ws, inboxId, phone, Sql.ts(Instant.now())).update();
        } catch (DuplicateKeyException already) {
            // opted out before
        }
    }

    void optIn(long inboxId, String phone) {
        jdbc.sql("DELETE FROM sms_opt_out WHERE inbox_id = ? AND phone = ?").params(inboxId, phone).update();
    }

    Map<Integer, String> sentParts(long messageId) {
        return jdbc.sql("SELECT part_no, sid FROM sms_outbound_part WHERE message_id = ?").param(messageId)
                .query((rs, n) -> Map.entry(rs.getInt("part_no"), rs.getString("sid"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void partSent(long messageId, int partNo, String sid) {
        jdbc.sql("INSERT INTO sms_outbound_part (message_id, part_no, sid) VALUES (?, ?, ?)").params(messageId, partNo, sid)
                .update();
    }

    Optional<Long> messageOfPart(String sid) {
        return jdbc.sql("SELECT message_id FROM sms_outbound_part WHERE sid = ?").param(sid).query(Long.class).optional();
    }
}
