package dev.conversa.channel.webhook;

import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.ConversationStatus;
import dev.conversa.conversation.DeliveryStatus;
import dev.conversa.conversation.Direction;
import dev.conversa.conversation.Message;
import dev.conversa.conversation.MessageService;
import dev.conversa.conversation.Visibility;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Sql;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Threads across public and private: a public thread (a post's comments, a reply chain) is one conversation; when
 * an agent moves the customer to private messages, the private thread is linked to that conversation so the
 * customer's answers land in the same case. Also the stored messages' side of intake: notes for deleted and edited
 * posts, and delivery statuses that only ever move forward.
 */
@Component
public class SocialThreads {
    // Shorter than the intake's retries (its 8th and last attempt comes ~4 minutes after the first): a status for a
    // message sent outside Conversa is let go after this wait instead of becoming a dead letter.
    private static final java.time.Duration STATUS_PATIENCE = MessageChanges.PATIENCE;
    private final JdbcClient jdbc;
    private final ConversationService conversations;
    private final MessageService messages;

    SocialThreads(JdbcClient jdbc, ConversationService conversations, MessageService messages) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.messages = messages;
    }

    /**
     * The thread key to ingest a private message under: the public conversation the private thread was linked to,
     * while that conversation is not closed, or the private thread's own key.
     */
    public String privateThread(long workspaceId, long inboxId, String privateKey) {
        Optional<Long> linked = jdbc.sql("SELECT conversation_id FROM social_thread_link WHERE inbox_id = ? AND thread_key = ?")
                .params(inboxId, privateKey).query(Long.class).optional();
        return linked.flatMap(id -> conversations.find(workspaceId, id))
                .filter(c -> c.status() != ConversationStatus.CLOSED && c.threadKey() != null)
                .map(Conversation::threadKey)
                .orElse(privateKey);
    }

    /** Remembers that the private thread {@code privateKey} continues conversation {@code conversationId}. */
    public void linkPrivateThread(long workspaceId, long inboxId, String privateKey, long conversationId) {
        Optional<String> current = conversations.find(workspaceId, conversationId).map(Conversation::threadKey);
        if (current.isEmpty() || privateKey.equals(current.get())) {
            return;
        }
        int updated = jdbc.sql("UPDATE social_thread_link SET conversation_id = ?, created_at = ? WHERE inbox_id = ? AND thread_key = ?")
                .params(conversationId, Sql.ts(Instant.now()), inboxId, privateKey).update();
        if (updated == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO social_thread_link (inbox_id, thread_key, workspace_id, conversation_id, created_at)
                        VALUES (?, ?, ?, ?, ?)""")
                        .params(inboxId, privateKey, workspaceId, conversationId, Sql.ts(Instant.now())).update();
            } catch (DuplicateKeyException race) {
                // linked by a concurrent send: either link is right
            }
        }
    }

    /** The private thread (DM) an agent moved a public conversation to, if any. */
    public Optional<String> linkedPrivateThread(long inboxId, long conversationId) {
        return jdbc.sql("""
                SELECT thread_key FROM social_thread_link WHERE inbox_id = ? AND conversation_id = ?
                ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY""").params(inboxId, conversationId).query(String.class).optional();
    }

    /** Whether the stored message the provider knows as {@code externalId} was public or private. */
    public Optional<Visibility> visibilityOf(long workspaceId, long inboxId, String externalId) {
        return externalId == null ? Optional.empty()
                : messages.findByExternalId(workspaceId, inboxId, externalId).map(Message::visibility);
    }

    /** The thread key of the conversation holding the message the provider knows as {@code externalId}. */
    public Optional<String> threadOfMessage(long workspaceId, long inboxId, String externalId) {
        if (externalId == null || externalId.isBlank()) {
            return Optional.empty();
        }
        return messages.findByExternalId(workspaceId, inboxId, externalId)
                .flatMap(m -> conversations.find(workspaceId, m.conversationId()))
                .filter(c -> c.status() != ConversationStatus.CLOSED)
                .map(Conversation::threadKey);
    }

    public Optional<Conversation> conversation(long workspaceId, long conversationId) {
        return conversations.find(workspaceId, conversationId);
    }

    /**
     * Adds a note to the conversation of a stored message (a post deleted or edited on the network); {@code false}
     * when the message is unknown.
     */
    public boolean noteOnMessage(long workspaceId, long inboxId, String externalId, String note) {
        Optional<Message> m = messages.findByExternalId(workspaceId, inboxId, externalId);
        m.ifPresent(message -> conversations.addNote(message.conversationId(), note, Actor.system(workspaceId)));
        return m.isPresent();
    }

    /**
     * Applies a provider's delivery status to an outbound message, by {@link DeliveryStatus#movesTo}; an unknown
     * message means the send is not recorded yet, so the delivery is retried.
     */
    public void deliveryStatus(long workspaceId, long inboxId, String externalId, DeliveryStatus status, String error,
                               Instant receivedAt) {
        Optional<Message> found = messages.findByExternalId(workspaceId, inboxId, externalId);
        if (found.isEmpty()) {
            // Sent outside Conversa, or our send is not recorded yet: wait a while for the latter, then let it go.
            if (receivedAt != null && receivedAt.isBefore(Instant.now().minus(STATUS_PATIENCE))) {
                return;
            }
            throw new SocialDeliveryHandler.ProcessLater("status for unknown message " + externalId);
        }
        Message m = found.get();
        if (m.direction() != Direction.OUT) {
            return;
        }
        if (m.deliveryStatus().movesTo(status)) {
            messages.updateDelivery(workspaceId, m.id(), status, error, null);
        }
    }

    /** Marks outbound messages of a conversation as read up to a time (providers that report a read watermark). */
    public void readUpTo(long workspaceId, long inboxId, String threadKey, Instant watermark) {
        conversations.findActiveByThread(workspaceId, inboxId, threadKey).ifPresent(c -> {
            messages.sentOutboundUpTo(workspaceId, c.id(), watermark).forEach(id -> messages.updateDelivery(workspaceId, id, DeliveryStatus.READ, null, null));
        });
    }
}
