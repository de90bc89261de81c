package dev.conversa.reporting;

import dev.conversa.conversation.ConversationEvents;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.ConversationStatus;
import dev.conversa.conversation.MessageService;
import dev.conversa.customer.CustomerMergeEvents;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the reporting facts up to date, one event at a time: the times come from the stored conversation and
 * message (or the event), never from when the listener happens to run, so a publication resubmitted after a crash
 * writes the same facts.
 */
@Component
class ReportingListener {
    private final ReportingStore store;
    private final ConversationService conversations;
    private final MessageService messages;

    ReportingListener(ReportingStore store, ConversationService conversations, MessageService messages) {
        this.store = store;
        this.conversations = conversations;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(ConversationEvents.ConversationOpened e) {
        state(e.workspaceId(), e.conversationId());
    }

    @ApplicationModuleListener
    void on(ConversationEvents.MessageReceived e) {
        message(e.workspaceId(), e.conversationId(), e.messageId());
        state(e.workspaceId(), e.conversationId()); // the customer's message brings its language and sentiment
    }

    @ApplicationModuleListener
    void on(ConversationEvents.ReplyQueued e) {
        message(e.workspaceId(), e.conversationId(), e.messageId());
    }

    @ApplicationModuleListener
    void on(ConversationEvents.ConversationAssigned e) {
        state(e.workspaceId(), e.conversationId());
    }

    @ApplicationModuleListener
    void on(ConversationEvents.TagsChanged e) {
        state(e.workspaceId(), e.conversationId());
    }

    @ApplicationModuleListener
    void on(ConversationEvents.StatusChanged e) {
        if (e.to() != ConversationStatus.RESOLVED || e.from() == ConversationStatus.RESOLVED) {
            return;
        }
        conversations.find(e.workspaceId(), e.conversationId()).ifPresent(c -> {
            // the event's own time; a publication stored before events carried it takes the conversation's
            Instant at = e.at() != null ? e.at() : c.resolvedAt() != null ? c.resolvedAt() : c.updatedAt();
            store.resolution(e.workspaceId(), c.id(), at, c.assigneeId());
        });
    }

    /** Any status change, also reopening and closing, is the conversation's new state. */
    @ApplicationModuleListener
    void onAnyStatus(ConversationEvents.StatusChanged e) {
        state(e.workspaceId(), e.conversationId());
    }

    /** The merged customer's conversations now belong to the survivor: first-contact resolution sees one person. */
    @ApplicationModuleListener
    void on(CustomerMergeEvents.CustomersMerged e) {
        store.conversationsOf(e.workspaceId(), e.mergedId()).forEach(id -> state(e.workspaceId(), id));
    }

    /** Undone: the conversations the merge moved go back, as the conversation module stored them. */
    @ApplicationModuleListener
    void on(CustomerMergeEvents.MergeUndone e) {
        store.conversationsOf(e.workspaceId(), e.survivorId()).forEach(id -> state(e.workspaceId(), id));
    }

    /** The conversation's fact with what the conversation is now (its tags and state as stored, not as the event says). */
    private void state(long ws, long conversationId) {
        conversations.find(ws, conversationId).ifPresent(store::conversationState);
    }

    private void message(long ws, long conversationId, long messageId) {
        messages.find(ws, messageId).ifPresent(m -> store.message(ws, conversationId, m.id(), m.direction().name(),
                m.authorType().name(), m.authorId(), m.createdAt()));
    }
}
