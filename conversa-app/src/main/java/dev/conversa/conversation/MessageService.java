package dev.conversa.conversation;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Messages in and out of a conversation. */
@Service
public class MessageService {
    public static final int MAX_BODY = 100_000;

    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final ApplicationEventPublisher events;

    MessageService(MessageRepository messages, ConversationRepository conversations, ApplicationEventPublisher events) {
        this.messages = messages;
        this.conversations = conversations;
        this.events = events;
    }

    /**
     * Stores a customer's message in {@code c} (as just read in this transaction) and returns its id. A resolved,
     * pending or snoozed conversation opens again. Throws
     * {@link org.springframework.dao.DuplicateKeyException} when this inbox already stored {@code externalId},
     * which is how redelivered messages are recognised.
     */
    @Transactional
    public long receive(Conversation c, InboundDraft draft) {
        long workspaceId = c.workspaceId();
        long conversationId = c.id();
        String body = checkBody(draft.body(), draft.attachments());
        Instant at = draft.occurredAt() == null ? Instant.now() : draft.occurredAt();
        long id = messages.insert(workspaceId, conversationId, c.inboxId(), Direction.IN,
                draft.visibility() == null ? Visibility.PRIVATE : draft.visibility(), AuthorType.CUSTOMER,
                draft.customerId(), body, draft.externalId(), DeliveryStatus.RECEIVED, at, draft.language(), draft.sentiment());
        if (draft.attachments() != null) {
            draft.attachments().forEach(a -> messages.insertAttachment(workspaceId, id, a));
        }
        conversations.touchInbound(workspaceId, conversationId, at, draft.language(), draft.sentiment());
        if (c.status() == ConversationStatus.RESOLVED || c.status() == ConversationStatus.SNOOZED
                || c.status() == ConversationStatus.PENDING) {
            conversations.updateStatus(workspaceId, conversationId, ConversationStatus.OPEN, null, null);
            events.publishEvent(new ConversationEvents.StatusChanged(workspaceId, conversationId, c.status(),
                    ConversationStatus.OPEN, null, Instant.now()));
        }
        events.publishEvent(new ConversationEvents.MessageReceived(workspaceId, conversationId, id, c.inboxId(), c.channel(),
                draft.customerId()));
        return id;
    }

    /**
     * Stores an agent's reply as QUEUED; the channel module delivers it and reports back with
     * {@link #updateDelivery}. Storing first means a crash before sending loses nothing.
     */
    @Transactional
    public Message reply(long conversationId, String body, Visibility visibility, List<Attachment> attachments, Actor actor) {
        long ws = actor.workspace();
        Conversation c = conversations.find(ws, conversationId).orElseThrow(() -> new NotFoundException("conversation", conversationId));
        String text = checkBody(body, attachments);
        Instant now = Instant.now();
        Visibility v = visibility == null ? Visibility.PRIVATE : visibility;
        long id = messages.insert(ws, conversationId, c.inboxId(), Direction.OUT, v,
                actor.userId() == null ? AuthorType.SYSTEM : AuthorType.AGENT, actor.userId(), text, null,
                DeliveryStatus.QUEUED, now);
        if (attachments != null) {
            attachments.forEach(a -> messages.insertAttachment(ws, id, a));
        }
        conversations.touchOutbound(ws, conversationId, now);
        events.publishEvent(new ConversationEvents.ReplyQueued(ws, conversationId, id, c.inboxId(), c.channel(), v,
                actor.userId()));
        return messages.find(ws, id).orElseThrow();
    }

    /**
     * Records an outbound message that was already sent outside Conversa: imported history, or a reply the brand
     * posted natively on the network. Nothing is delivered again.
     */
    @Transactional
    public Message recordSent(long workspaceId, long conversationId, String body, Visibility visibility, Long authorId,
                              String externalId, Instant at) {
        Conversation c = conversations.find(workspaceId, conversationId)
                .orElseThrow(() -> new NotFoundException("conversation", conversationId));
        long id = messages.insert(workspaceId, conversationId, c.inboxId(), Direction.OUT,
                visibility == null ? Visibility.PRIVATE : visibility, authorId == null ? AuthorType.SYSTEM : AuthorType.AGENT,
                authorId, checkBody(body, null), externalId, DeliveryStatus.SENT, at);
        conversations.touchOutbound(workspaceId, conversationId, at);
        return messages.find(workspaceId, id).orElseThrow();
    }

    public Page<Message> list(long conversationId, Paging paging, Actor actor) {
        long ws = actor.workspace();
        conversations.find(ws, conversationId).orElseThrow(() -> new NotFoundException("conversation", conversationId));
        return new Page<>(messages.list(ws, conversationId, paging.size(), paging.offset()), paging.page(), paging.size(),
                messages.count(ws, conversationId));
    }

    /** The customer's latest message in the conversation, however long it is (reply windows, automation facts). */
    public Optional<Message> lastInbound(long workspaceId, long conversationId) {
        return messages.lastInbound(workspaceId, conversationId);
    }

    /** The provider's id of the customer's latest message that has one, so a reply goes in its thread. */
    public Optional<String> latestInboundExternalId(long workspaceId, long conversationId) {
        return messages.latestInboundExternalId(workspaceId, conversationId);
    }

    /** Our replies the provider accepted (SENT or DELIVERED) up to {@code watermark}: what a read receipt up to then covers. */
    public List<Long> sentOutboundUpTo(long workspaceId, long conversationId, Instant watermark) {
        return messages.sentOutboundUpTo(workspaceId, conversationId, watermark);
    }

    public Optional<Message> find(long workspaceId, long messageId) {
        return messages.find(workspaceId, messageId);
    }

    public Optional<Message> findByExternalId(long workspaceId, long inboxId, String externalId) {
        return messages.findByExternalId(workspaceId, inboxId, externalId);
    }

    /** The channel's report on an outbound message: sent, delivered, read or failed (with why). */
    @Transactional
    public void updateDelivery(long workspaceId, long messageId, DeliveryStatus status, String error, String externalId) {
        Message m = messages.find(workspaceId, messageId).orElseThrow(() -> new NotFoundException("message", messageId));
        messages.updateDelivery(workspaceId, messageId, status, error, externalId);
        events.publishEvent(new ConversationEvents.DeliveryUpdated(workspaceId, m.conversationId(), messageId, status));
    }

    /**
     * Stores what the language and sentiment analysis found. For a customer's message it also becomes the
     * conversation's current language and mood, which drive routing by skill, priority and the inbox filters.
     */
    @Transactional
    public void recordAnalysis(long workspaceId, long messageId, String language, String sentiment) {
        if (messages.updateAnalysis(workspaceId, messageId, language, sentiment) == 0) {
            throw new NotFoundException("message", messageId);
        }
        conversations.updateAnalysisFromInbound(workspaceId, messageId, language, sentiment);
    }

    /**
     * The customer edited a message on its network: the stored text becomes the new one (the channel keeps the text
     * before, see {@code channel.webhook.MessageChanges}). Only a customer's message can be edited this way.
     */
    @Transactional
    public void recordEdit(long workspaceId, long messageId, String body, Instant at) {
        Message m = messages.find(workspaceId, messageId).orElseThrow(() -> new NotFoundException("message", messageId));
        if (m.direction() != Direction.IN) {
            throw new InvalidInputException("messageId", "only a customer's message is edited by its network");
        }
        messages.updateEdited(workspaceId, messageId, checkBody(body, m.attachments()), at == null ? Instant.now() : at);
    }

    /** The customer deleted (unsent) a message on its network; it stays stored, marked deleted. */
    @Transactional
    public void recordDeleted(long workspaceId, long messageId, Instant at) {
        if (messages.find(workspaceId, messageId).isEmpty()) {
            throw new NotFoundException("message", messageId);
        }
        messages.updateDeleted(workspaceId, messageId, at == null ? Instant.now() : at);
    }

    private static String checkBody(String body, List<Attachment> attachments) {
        boolean hasAttachments = attachments != null && !attachments.isEmpty();
        if ((body == null || body.isBlank()) && !hasAttachments) {
            throw new InvalidInputException("body", "a message needs a body or an attachment");
        }
        if (body != null && body.length() > MAX_BODY) {
            throw new InvalidInputException("body", "a message has at most " + MAX_BODY + " characters");
        }
        return body == null ? "" : body;
    }
}
