package dev.conversa.channel.sms;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.IngestionService;
import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.DeliveryStatus;
import dev.conversa.conversation.Message;
import dev.conversa.conversation.MessageService;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import dev.conversa.kernel.ChannelType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's SMS webhooks: the incoming message webhook and the outbound status callback, both form-encoded and
 * signed with {@code X-Twilio-Signature}. A request without a valid signature gets 403 and stores nothing.
 */
@RestController
class SmsWebhook {
    static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "BAJA", "ALTO",
            "PARAR", "CANCELAR");
    static final Set<String> START_WORDS = Set.of("START", "UNSTOP", "ALTA", "YES");
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final InboxService inboxes;
    private final IngestionService ingestion;
    private final MessageService messages;
    private final SmsStore store;

    SmsWebhook(InboxService inboxes, IngestionService ingestion, MessageService messages, SmsStore store) {
        this.inboxes = inboxes;
        this.ingestion = ingestion;
        this.messages = messages;
        this.store = store;
    }

    @PostMapping(path = "/hooks/twilio/sms/{inboxId}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> incoming(@PathVariable long inboxId, HttpServletRequest request) {
        Map<String, String> p = TwilioRequests.formParams(request);
        Optional<Inbox> found = TwilioRequests.inbox(inboxes, ChannelType.SMS, inboxId);
        if (found.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Inbox inbox = found.get();
        if (!TwilioRequests.verified(inboxes, inbox, request)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        String from = IdentityKind.PHONE.normalize(sender(p.get("From")));
        String body = p.getOrDefault("Body", "");
        String keyword = body.strip().toUpperCase(Locale.ROOT);
        if (STOP_WORDS.contains(keyword)) {
            store.optOut(inbox.workspaceId(), inbox.id(), from);
        } else if (START_WORDS.contains(keyword)) {
            store.optIn(inbox.id(), from);
        }
        List<Attachment> media = new ArrayList<>();
        int numMedia = parseInt(p.get("NumMedia"));
        for (int i = 0; i < numMedia; i++) {
            media.add(new Attachment("media-" + i, p.getOrDefault("MediaContentType" + i, "application/octet-stream"), 0,
                    p.get("MediaUrl" + i)));
        }
        String sid = p.getOrDefault("MessageSid", p.get("SmsSid"));
        ingestion.receive(inbox.workspaceId(), inbox.id(), new InboundMessage(sid, null,
                new NewIdentity(IdentityKind.PHONE, from, p.get("ProfileName"), null, null, null, null), null,
                TwilioBodies.of(p, !media.isEmpty()), Visibility.PRIVATE, media, Instant.now()));
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    @PostMapping(path = "/hooks/twilio/sms/{inboxId}/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(@PathVariable long inboxId, HttpServletRequest request) {
        Map<String, String> p = TwilioRequests.formParams(request);
        Optional<Inbox> found = TwilioRequests.inbox(inboxes, ChannelType.SMS, inboxId);
        if (found.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Inbox inbox = found.get();
        if (!TwilioRequests.verified(inboxes, inbox, request)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        String sid = p.getOrDefault("MessageSid", p.get("SmsSid"));
        DeliveryStatus status = switch (p.getOrDefault("MessageStatus", p.getOrDefault("SmsStatus", "")).toLowerCase(Locale.ROOT)) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "failed", "undelivered" -> DeliveryStatus.FAILED;
            default -> null;
        };
        if (status == null || sid == null) {
            return ResponseEntity.noContent().build();
        }
        Optional<Message> message = messages.findByExternalId(inbox.workspaceId(), inbox.id(), sid)
                .or(() -> store.messageOfPart(sid).flatMap(id -> messages.find(inbox.workspaceId(), id)));
        message.filter(m -> m.deliveryStatus().movesTo(status)).ifPresent(m -> messages.updateDelivery(inbox.workspaceId(),
                m.id(), status, status == DeliveryStatus.FAILED ? "Twilio reported " + p.get("MessageStatus")
                        + (p.get("ErrorCode") == null ? "" : " (error " + p.get("ErrorCode") + ")") : null, null));
        return ResponseEntity.noContent().build();
    }

    /** WhatsApp through Twilio names the sender {@code whatsapp:+14155238886}; the number is the identity. */
    static String sender(String from) {
        return from != null && from.regionMatches(true, 0, "whatsapp:", 0, 9) ? from.substring(9) : from;
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Math.min(10, Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
