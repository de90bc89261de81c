package dev.conversa.channel.telegram;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.webhook.Signatures;
import dev.conversa.channel.webhook.SocialDeliveryQueue;
import dev.conversa.channel.webhook.SocialHttp;
import dev.conversa.channel.webhook.SocialState;
import dev.conversa.kernel.ChannelType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook of a Telegram bot ({@code setWebhook} with {@code secret_token}): each update must carry
 * {@code X-Telegram-Bot-Api-Secret-Token}. Updates are stored by {@code update_id}, so a redelivery (or the same
 * update seen by long polling) is stored once.
 */
@RestController
class TelegramWebhook {
    static final String SOURCE = "telegram";
    private final SocialState state;
    private final InboxService inboxes;
    private final SocialDeliveryQueue queue;
    private final SocialHttp http;

    TelegramWebhook(SocialState state, InboxService inboxes, SocialDeliveryQueue queue, SocialHttp http) {
        this.state = state;
        this.inboxes = inboxes;
        this.queue = queue;
        this.http = http;
    }

    @PostMapping("/hooks/telegram/{inboxId}")
    ResponseEntity<Void> deliver(@PathVariable long inboxId, @RequestBody byte[] body,
                                 @RequestHeader(value = "X-Telegram-Bot-Api-Secret-Token", required = false) String token) {
        Optional<Inbox> inbox = state.inbox(inboxId, ChannelType.TELEGRAM);
        Optional<String> secret = inbox.flatMap(i -> Optional.ofNullable(inboxes.secrets(i.workspaceId(), i.id()).get("webhookSecret")));
        if (secret.isEmpty() || !Signatures.matches(secret.get(), token)) {
            return ResponseEntity.status(403).build();
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        String updateId = http.mapper().readTree(payload).path("update_id").asString();
        queue.enqueue(inbox.get().workspaceId(), inboxId, SOURCE,
                updateId == null || updateId.isEmpty() ? SocialDeliveryQueue.digest(payload) : "update:" + updateId, payload);
        return ResponseEntity.ok().build();
    }
}
