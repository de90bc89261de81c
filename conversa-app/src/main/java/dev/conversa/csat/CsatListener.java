package dev.conversa.csat;

import dev.conversa.conversation.ConversationEvents;
import dev.conversa.conversation.ConversationStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A resolved conversation gets its survey. */
@Component
class CsatListener {
    private final CsatService csat;

    CsatListener(CsatService csat) {
        this.csat = csat;
    }

    @ApplicationModuleListener
    void on(ConversationEvents.StatusChanged e) {
        if (e.to() == ConversationStatus.RESOLVED && e.from() != ConversationStatus.RESOLVED) {
            csat.sendAfterResolution(e.workspaceId(), e.conversationId());
        }
    }
}
