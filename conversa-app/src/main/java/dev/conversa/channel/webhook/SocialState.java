package dev.conversa.channel.webhook;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Sql;
import dev.conversa.lease.Lease;
import dev.conversa.lease.LeaseLost;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Small per-inbox state of the social channels: polling cursors, contacts' last message (reply windows), lookups. */
@Component
public class SocialState {
    private final JdbcClient jdbc;
    private final InboxService inboxes;
    private final TransactionTemplate tx;

    SocialState(JdbcClient jdbc, InboxService inboxes, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.inboxes = inboxes;
        this.tx = tx;
    }

    /** An enabled inbox by id alone (webhook URLs carry no workspace), if it is of one of {@code channels}. */
    public Optional<Inbox> inbox(long inboxId, ChannelType... channels) {
        return Arrays.stream(channels).flatMap(c -> inboxes.allOfChannel(c).stream()).filter(i -> i.id() == inboxId).findFirst();
    }

    /** The inbox of a workspace that {@code matches} (its page or account id is a webhook entry's). */
    public Optional<Inbox> inboxWhere(long workspaceId, ChannelType channel, Predicate<Inbox> matches) {
        return inboxes.allOfChannel(channel).stream().filter(i -> i.workspaceId() == workspaceId && matches.test(i))
                .findFirst();
    }

    public Optional<String> cursor(long inboxId, String name) {
        return jdbc.sql("SELECT cursor_value FROM social_cursor WHERE inbox_id = ? AND cursor_name = ?").params(inboxId, name)
                .query(String.class).optional();
    }

    /**
     * Moves a polling cursor only while {@code lease} is still this node's, checked in the same transaction
     * ({@link Lease#fence()}): a poller that stalled and lost its inbox to another node cannot move it back.
     *
     * @throws LeaseLost when another node holds the inbox now; nothing was written
     */
    public void cursor(Lease lease, long inboxId, String name, String value) {
        tx.executeWithoutResult(status -> {
            lease.fence();
            Instant now = Instant.now();
            // no insert-and-retry here: on PostgreSQL a failed insert ends the transaction. Under the lease's row lock
            // no other holder writes this cursor; a writer without the lease makes this attempt fail, and it is retried.
            if (jdbc.sql("UPDATE social_cursor SET cursor_value = ?, updated_at = ? WHERE inbox_id = ? AND cursor_name = ?")
                    .params(value, Sql.ts(now), inboxId, name).update() == 0) {
                jdbc.sql("INSERT INTO social_cursor (inbox_id, cursor_name, cursor_value, updated_at) VALUES (?, ?, ?, ?)")
                        .params(inboxId, name, value, Sql.ts(now)).update();
            }
        });
    }

    public void cursor(long inboxId, String name, String value) {
        Instant now = Instant.now();
        if (jdbc.sql("UPDATE social_cursor SET cursor_value = ?, updated_at = ? WHERE inbox_id = ? AND cursor_name = ?")
                .params(value, Sql.ts(now), inboxId, name).update() == 0) {
            try {
                jdbc.sql("INSERT INTO social_cursor (inbox_id, cursor_name, cursor_value, updated_at) VALUES (?, ?, ?, ?)")
                        .params(inboxId, name, value, Sql.ts(now)).update();
            } catch (DuplicateKeyException race) {
                cursor(inboxId, name, value);
            }
        }
    }

    /** Records a contact's message; out-of-order deliveries never move the time back. */
    public void contactWrote(long inboxId, String contact, Instant at) {
        int updated = jdbc.sql("""
                UPDATE social_contact_window SET last_inbound_at = ? WHERE inbox_id = ? AND contact = ? AND last_inbound_at < ?""")
                .params(Sql.ts(at), inboxId, contact, Sql.ts(at)).update();
        if (updated == 0 && lastContact(inboxId, contact).isEmpty()) {
            try {
                jdbc.sql("INSERT INTO social_contact_window (inbox_id, contact, last_inbound_at) VALUES (?, ?, ?)")
                        .params(inboxId, contact, Sql.ts(at)).update();
            } catch (DuplicateKeyException race) {
                contactWrote(inboxId, contact, at);
            }
        }
    }

    public Optional<Instant> lastContact(long inboxId, String contact) {
        return jdbc.sql("SELECT last_inbound_at FROM social_contact_window WHERE inbox_id = ? AND contact = ?")
                .params(inboxId, contact).query((rs, n) -> Sql.instant(rs, "last_inbound_at")).optional();
    }
}
