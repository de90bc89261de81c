package dev.conversa.channel.meta;

import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether a free-form reply is allowed now: the console shows the WhatsApp 24-hour window (and switches the reply
 * box to templates when it is closed); other channels have no window.
 */
@RestController
class ReplyWindowApi {
    private final ConversationService conversations;
    private final WhatsAppWindow window;

    ReplyWindowApi(ConversationService conversations, WhatsAppWindow window) {
        this.conversations = conversations;
        this.window = window;
    }

    record ReplyWindow(ChannelType channel, Integer windowHours, Instant lastCustomerMessageAt, Instant closesAt, boolean open,
                       boolean templateRequired) {
    }

    @GetMapping("/api/v1/conversations/{id}/reply-window")
    ReplyWindow get(@PathVariable long id, Actor actor) {
        Conversation c = conversations.get(id, actor);
        if (c.channel() != ChannelType.WHATSAPP || c.threadKey() == null || !c.threadKey().startsWith(WhatsAppIntake.WA_THREAD)) {
            return new ReplyWindow(c.channel(), null, null, null, true, false);
        }
        var s = window.of(c.inboxId(), c.threadKey().substring(WhatsAppIntake.WA_THREAD.length()));
        return new ReplyWindow(c.channel(), (int) WhatsAppWindow.LENGTH.toHours(), s.lastCustomerMessageAt(), s.closesAt(), s.open(),
                !s.open());
    }
}
