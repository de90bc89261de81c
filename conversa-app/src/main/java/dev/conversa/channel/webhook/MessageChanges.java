package dev.conversa.channel.webhook;

import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.Message;
import dev.conversa.conversation.MessageService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Edits, deletes and other events the networks report about messages. An edit replaces the stored text and keeps
 * the text before it here; a delete marks the message deleted (it stays readable for the agents); events that carry
 * nothing to answer (a reaction removed, a comment hidden) are recorded. Each is also noted on the conversation.
 */
@Component
public class MessageChanges {
    public static final String EDITED = "edited";
    public static final String DELETED = "deleted";
    private static final int EXCERPT = 60;
    /** Shorter than the queue's retries (the 8th attempt comes ~4 minutes after the first), so waiting never dead-letters. */
    static final java.time.Duration PATIENCE = java.time.Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final MessageService messages;
    private final ConversationService conversations;
    private final TransactionTemplate tx;

    MessageChanges(JdbcClient jdbc, MessageService messages, ConversationService conversations, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.conversations = conversations;
        this.tx = tx;
    }

    /**
     * The customer edited {@code externalId}; {@code false} when that message is not stored (the edit is recorded).
     * With {@code receivedAt}, an edit of a message not stored yet is processed later while the delivery is recent:
     * the message itself may be in a delivery processed at the same time (another worker, another node).
     */
    public boolean edited(long ws, long inboxId, String externalId, String newBody, Instant at, String note, Instant receivedAt) {
        Optional<Message> m = messages.findByExternalId(ws, inboxId, externalId);
        waitFor(m, externalId, receivedAt);
        if (m.isPresent() && newBody != null && newBody.equals(m.get().body())) {
            return true; // the same edit delivered again
        }
        tx.executeWithoutResult(s -> {
            record(ws, inboxId, externalId, m.map(Message::id).orElse(null), EDITED, newBody, m.map(Message::body).orElse(null), at);
            m.ifPresent(message -> {
                if (newBody != null && !newBody.isBlank()) {
                    messages.recordEdit(ws, message.id(), newBody, at);
                }
                conversations.addNote(message.conversationId(), note, Actor.system(ws));
            });
        });
        return m.isPresent();
    }

    /** The customer deleted (unsent) {@code externalId} on the network; {@code receivedAt} as for {@link #edited}. */
    public boolean deleted(long ws, long inboxId, String externalId, Instant at, String note, Instant receivedAt) {
        Optional<Message> m = messages.findByExternalId(ws, inboxId, externalId);
        waitFor(m, externalId, receivedAt);
        if (m.isPresent() && m.get().deletedAt() != null) {
            return true;
        }
        tx.executeWithoutResult(s -> {
            record(ws, inboxId, externalId, m.map(Message::id).orElse(null), DELETED, null, null, at);
            m.ifPresent(message -> {
                messages.recordDeleted(ws, message.id(), at);
                conversations.addNote(message.conversationId(), note, Actor.system(ws));
            });
        });
        return m.isPresent();
    }

    /** An event about {@code externalId} that carries nothing for an agent to answer (kind: reaction-removed, hidden...). */
    public void event(long ws, long inboxId, String externalId, String kind, String detail, Instant at) {
        Long messageId = externalId == null ? null : messages.findByExternalId(ws, inboxId, externalId).map(Message::id).orElse(null);
        record(ws, inboxId, externalId == null ? "-" : externalId, messageId, kind, detail, null, at);
    }

    /** A short quote of a stored message, to say what a reaction is about; the id when it is not stored. */
    public String quote(long ws, long inboxId, String externalId) {
        return messages.findByExternalId(ws, inboxId, externalId).map(Message::body).filter(b -> !b.isBlank())
                .map(b -> "“" + (b.length() > EXCERPT ? b.substring(0, EXCERPT) + "…" : b) + "”")
                .orElse("message " + externalId);
    }

    /** What was recorded about one message of a conversation the caller can see. */
    public List<MessageChange> of(long conversationId, long messageId, Actor actor) {
        conversations.get(conversationId, actor);
        messages.find(actor.workspace(), messageId).filter(m -> m.conversationId() == conversationId)
                .orElseThrow(() -> new NotFoundException("message", messageId));
        return jdbc.sql("""
                SELECT * FROM social_message_change WHERE workspace_id = ? AND message_id = ? ORDER BY occurred_at, id""")
                .params(actor.workspace(), messageId)
                .query((rs, n) -> new MessageChange(rs.getLong("id"), rs.getString("external_id"), Sql.longOrNull(rs, "message_id"),
                        rs.getString("kind"), rs.getString("detail"), rs.getString("previous_body"), Sql.instant(rs, "occurred_at")))
                .list();
    }

    /** Everything recorded about a message the provider knows as {@code externalId} in an inbox (for tests and support). */
    public List<MessageChange> ofExternal(long ws, long inboxId, String externalId) {
        return jdbc.sql("""
                SELECT * FROM social_message_change WHERE workspace_id = ? AND inbox_id = ? AND external_id = ? ORDER BY occurred_at, id""")
                .params(ws, inboxId, externalId)
                .query((rs, n) -> new MessageChange(rs.getLong("id"), rs.getString("external_id"), Sql.longOrNull(rs, "message_id"),
                        rs.getString("kind"), rs.getString("detail"), rs.getString("previous_body"), Sql.instant(rs, "occurred_at")))
                .list();
    }

    private static void waitFor(Optional<Message> m, String externalId, Instant receivedAt) {
        if (m.isEmpty() && receivedAt != null && receivedAt.isAfter(Instant.now().minus(PATIENCE))) {
            throw new SocialDeliveryHandler.ProcessLater("change of message " + externalId + ", which is not stored yet");
        }
    }

    private void record(long ws, long inboxId, String externalId, Long messageId, String kind, String detail, String previous,
                        Instant at) {
        String d = detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail;
        jdbc.sql("""
                INSERT INTO social_message_change (workspace_id, inbox_id, external_id, message_id, kind, detail, previous_body,
                    occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ws, inboxId, externalId, messageId, kind, d, previous, Sql.ts(at == null ? Instant.now() : at)).update();
    }
}
