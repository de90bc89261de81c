package dev.conversa.channel.twitter;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.webhook.Signatures;
import dev.conversa.channel.webhook.SocialDeliveryQueue;
import dev.conversa.channel.webhook.SocialState;
import dev.conversa.kernel.ChannelType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Account Activity webhook of one X inbox: answers the CRC challenge (GET with {@code crc_token}) and accepts
 * event deliveries signed with {@code x-twitter-webhooks-signature}, both keyed by the app's consumer secret. A
 * delivery is stored, then acknowledged; it is processed from the queue.
 */
@RestController
class TwitterWebhook {
    static final String SOURCE = "twitter";
    private final SocialState state;
    private final InboxService inboxes;
    private final SocialDeliveryQueue queue;

    TwitterWebhook(SocialState state, InboxService inboxes, SocialDeliveryQueue queue) {
        this.state = state;
        this.inboxes = inboxes;
        this.queue = queue;
    }

    @GetMapping("/hooks/twitter/{inboxId}")
    ResponseEntity<Map<String, String>> crc(@PathVariable long inboxId, @RequestParam("crc_token") String crcToken) {
        Optional<String> secret = consumerSecret(inboxId);
        if (secret.isEmpty()) {
            return ResponseEntity.status(403).build();
        }
        return ResponseEntity.ok(Map.of("response_token",
                "sha256=" + Signatures.base64(secret.get(), crcToken.getBytes(StandardCharsets.UTF_8))));
    }

    @PostMapping("/hooks/twitter/{inboxId}")
    ResponseEntity<Void> deliver(@PathVariable long inboxId, @RequestBody byte[] body,
                                 @RequestHeader(value = "x-twitter-webhooks-signature", required = false) String signature) {
        Optional<Inbox> inbox = state.inbox(inboxId, ChannelType.TWITTER);
        Optional<String> secret = inbox.flatMap(i -> Optional.ofNullable(inboxes.secrets(i.workspaceId(), i.id()).get("consumerSecret")));
        if (secret.isEmpty() || !Signatures.matches("sha256=" + Signatures.base64(secret.get(), body), signature)) {
            return ResponseEntity.status(403).build();
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        queue.enqueue(inbox.get().workspaceId(), inboxId, SOURCE, SocialDeliveryQueue.digest(payload), payload);
        return ResponseEntity.ok().build();
    }

    private Optional<String> consumerSecret(long inboxId) {
        return state.inbox(inboxId, ChannelType.TWITTER)
                .flatMap(i -> Optional.ofNullable(inboxes.secrets(i.workspaceId(), i.id()).get("consumerSecret")));
    }
}
