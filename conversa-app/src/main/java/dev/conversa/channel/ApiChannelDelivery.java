package dev.conversa.channel;

import dev.conversa.conversation.ConversationEvents.ReplyQueued;
import dev.conversa.conversation.DeliveryStatus;
import dev.conversa.conversation.MessageService;
import dev.conversa.kernel.ChannelType;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The API channel has no provider to call: the customer's own system reads replies through the REST API, so a
 * reply counts as sent once it is stored.
 */
@Component
class ApiChannelDelivery {
    private final MessageService messages;

    ApiChannelDelivery(MessageService messages) {
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(ReplyQueued event) {
        if (event.channel() == ChannelType.API) {
            messages.updateDelivery(event.workspaceId(), event.messageId(), DeliveryStatus.SENT, null, null);
        }
    }
}
