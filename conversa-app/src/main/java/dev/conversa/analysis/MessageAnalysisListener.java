package dev.conversa.analysis;

import dev.conversa.conversation.ConversationEvents.MessageReceived;
import dev.conversa.conversation.MessageService;
import dev.conversa.nlp.TextAnalysis;
import java.util.Locale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Every customer message gets its language and sentiment stored, after it is safely saved. */
@Component
class MessageAnalysisListener {
    private final MessageService messages;
    private final MessageAnalysis analysis;

    MessageAnalysisListener(MessageService messages, MessageAnalysis analysis) {
        this.messages = messages;
        this.analysis = analysis;
    }

    @ApplicationModuleListener
    void on(MessageReceived event) {
        messages.find(event.workspaceId(), event.messageId()).ifPresent(m -> {
            TextAnalysis a = analysis.analyze(event.workspaceId(), m.body());
            String language = a.language().isKnown() ? a.language().code() : null;
            messages.recordAnalysis(event.workspaceId(), m.id(), language,
                    a.sentiment().label().name().toLowerCase(Locale.ROOT));
        });
    }
}
