package dev.conversa.channel.meta;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.webhook.Signatures;
import dev.conversa.channel.webhook.SocialDeliveryQueue;
import dev.conversa.channel.webhook.SocialState;
import dev.conversa.kernel.ChannelType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook of a Meta app (Page, Instagram or WhatsApp Business Account object), one URL per inbox. GET is the
 * subscription check ({@code hub.mode}, {@code hub.verify_token}, {@code hub.challenge}); POST deliveries must carry
 * {@code X-Hub-Signature-256}, the HMAC-SHA256 of the raw body with the app secret, or get 403 and are not stored.
 */
@RestController
class MetaWebhook {
    static final String SOURCE = "meta";
    private static final ChannelType[] META = {ChannelType.FACEBOOK, ChannelType.INSTAGRAM, ChannelType.WHATSAPP};

    private final SocialState state;
    private final InboxService inboxes;
    private final SocialDeliveryQueue queue;

    MetaWebhook(SocialState state, InboxService inboxes, SocialDeliveryQueue queue) {
        this.state = state;
        this.inboxes = inboxes;
        this.queue = queue;
    }

    @GetMapping("/hooks/meta/{inboxId}")
    ResponseEntity<String> verify(@PathVariable long inboxId, @RequestParam Map<String, String> params) {
        Optional<String> expected = secret(inboxId, "verifyToken");
        if ("subscribe".equals(params.get("hub.mode")) && expected.isPresent()
                && Signatures.matches(expected.get(), params.get("hub.verify_token")) && params.get("hub.challenge") != null) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(params.get("hub.challenge"));
        }
        return ResponseEntity.status(403).build();
    }

    @PostMapping("/hooks/meta/{inboxId}")
    ResponseEntity<Void> deliver(@PathVariable long inboxId, @RequestBody byte[] body,
                                 @RequestHeader(value = "X-Hub-Signature-256", required = false) String signature) {
        Optional<Inbox> inbox = state.inbox(inboxId, META);
        Optional<String> appSecret = secret(inboxId, "appSecret");
        if (inbox.isEmpty() || appSecret.isEmpty() || !Signatures.matches("sha256=" + Signatures.hex(appSecret.get(), body), signature)) {
            return ResponseEntity.status(403).build();
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        queue.enqueue(inbox.get().workspaceId(), inboxId, SOURCE, SocialDeliveryQueue.digest(payload), payload);
        return ResponseEntity.ok().build();
    }

    private Optional<String> secret(long inboxId, String name) {
        return state.inbox(inboxId, META).flatMap(i -> Optional.ofNullable(inboxes.secrets(i.workspaceId(), i.id()).get(name)));
    }
}
