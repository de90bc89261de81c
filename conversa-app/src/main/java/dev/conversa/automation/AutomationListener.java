package dev.conversa.automation;

import dev.conversa.conversation.ConversationEvents;
import dev.conversa.conversation.MessageService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs rules on conversation events. An event caused by a rule's own change (marked in the same transaction)
 * is skipped: that is what keeps a rule that would trigger itself from looping.
 */
@Component
class AutomationListener {
    private final AutomationService automation;
    private final AutomationStore store;
    private final MessageService messages;

    AutomationListener(AutomationService automation, AutomationStore store, MessageService messages) {
        this.automation = automation;
        this.store = store;
        this.messages = messages;
    }

    /**
     * Evaluated when the event is published: a workspace without an enabled rule for the trigger gets no stored
     * publication and no listener transaction, which is most of what an event costs.
     */
    public boolean wants(long workspaceId, String trigger) {
        return store.hasRules(workspaceId, Trigger.valueOf(trigger));
    }

    @ApplicationModuleListener(condition = "@automationListener.wants(#e.workspaceId(), 'CONVERSATION_OPENED')")
    void on(ConversationEvents.ConversationOpened e) {
        automation.run(e.workspaceId(), e.conversationId(), Trigger.CONVERSATION_OPENED, null);
    }

    @ApplicationModuleListener(condition = "@automationListener.wants(#e.workspaceId(), 'MESSAGE_RECEIVED')")
    void on(ConversationEvents.MessageReceived e) {
        automation.run(e.workspaceId(), e.conversationId(), Trigger.MESSAGE_RECEIVED,
                messages.find(e.workspaceId(), e.messageId()).orElse(null));
    }

    @ApplicationModuleListener(condition = "@automationListener.wants(#e.workspaceId(), 'STATUS_CHANGED')")
    void on(ConversationEvents.StatusChanged e) {
        dispatch(e.workspaceId(), e.conversationId(), e.actorId(), Trigger.STATUS_CHANGED);
    }

    @ApplicationModuleListener(condition = "@automationListener.wants(#e.workspaceId(), 'TAGS_CHANGED')")
    void on(ConversationEvents.TagsChanged e) {
        dispatch(e.workspaceId(), e.conversationId(), e.actorId(), Trigger.TAGS_CHANGED);
    }

    @ApplicationModuleListener(condition = "@automationListener.wants(#e.workspaceId(), 'PRIORITY_CHANGED')")
    void on(ConversationEvents.PriorityChanged e) {
        dispatch(e.workspaceId(), e.conversationId(), e.actorId(), Trigger.PRIORITY_CHANGED);
    }

    @ApplicationModuleListener(condition = "@automationListener.wants(#e.workspaceId(), 'ASSIGNED')")
    void on(ConversationEvents.ConversationAssigned e) {
        dispatch(e.workspaceId(), e.conversationId(), e.actorId(), Trigger.ASSIGNED);
    }

    private void dispatch(long ws, long conversationId, Long actorId, Trigger trigger) {
        if (actorId == null && store.consumeEffect(conversationId, trigger)) {
            return;
        }
        automation.run(ws, conversationId, trigger, null);
    }
}
