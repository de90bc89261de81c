package dev.conversa.channel.meta;

import static dev.conversa.channel.webhook.Json.epochSeconds;
import static dev.conversa.channel.webhook.Json.number;
import static dev.conversa.channel.webhook.Json.text;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.IngestionService;
import dev.conversa.channel.webhook.MessageChanges;
import dev.conversa.channel.webhook.ReadableBodies;
import dev.conversa.channel.webhook.SocialDeliveryHandler;
import dev.conversa.channel.webhook.SocialState;
import dev.conversa.channel.webhook.SocialThreads;
import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.DeliveryStatus;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A WhatsApp Cloud API {@code messages} change: customers' messages of every type (see {@link WhatsAppBodies}) and the
 * statuses of ours (sent, delivered, read, failed). Each customer message reopens the 24-hour window.
 */
@Component
class WhatsAppIntake {
    static final String WA_THREAD = "wa:";

    private final SocialThreads threads;
    private final SocialState state;
    private final IngestionService ingestion;
    private final MetaGraph graph;
    private final MessageChanges changes;

    WhatsAppIntake(SocialThreads threads, SocialState state, IngestionService ingestion, MetaGraph graph, MessageChanges changes) {
        this.changes = changes;
        this.threads = threads;
        this.state = state;
        this.ingestion = ingestion;
        this.graph = graph;
    }

    void change(Inbox inbox, JsonNode change, Instant receivedAt) {
        JsonNode v = change.path("value");
        Map<String, String> names = new HashMap<>();
        v.path("contacts").forEach(c -> names.put(text(c, "wa_id"), text(c.path("profile"), "name")));
        for (JsonNode m : v.path("messages")) {
            message(inbox, m, names);
        }
        for (JsonNode s : v.path("statuses")) {
            DeliveryStatus status = switch (text(s, "status") == null ? "" : text(s, "status")) {
                case "sent" -> DeliveryStatus.SENT;
                case "delivered" -> DeliveryStatus.DELIVERED;
                case "read" -> DeliveryStatus.READ;
                case "failed" -> DeliveryStatus.FAILED;
                default -> null;
            };
            if (status != null && text(s, "id") != null) {
                JsonNode error = s.path("errors").path(0);
                threads.deliveryStatus(inbox.workspaceId(), inbox.id(), text(s, "id"), status,
                        error.isMissingNode() ? null : text(error, "code") + " " + text(error, "title"), receivedAt);
            }
        }
        if (v.path("messages").isEmpty() && v.path("statuses").isEmpty()) {
            throw new SocialDeliveryHandler.Unrecognised("WhatsApp messages change with neither messages nor statuses");
        }
    }

    private void message(Inbox inbox, JsonNode m, Map<String, String> names) {
        String from = text(m, "from");
        String type = text(m, "type");
        if (from == null || text(m, "id") == null) {
            throw new SocialDeliveryHandler.Unrecognised("WhatsApp message without from or id");
        }
        Instant at = epochSeconds(m, "timestamp");
        String body;
        if ("reaction".equals(type)) {
            JsonNode r = m.path("reaction");
            String emoji = text(r, "emoji");
            if (emoji == null) { // a reaction removed carries nothing to answer
                changes.event(inbox.workspaceId(), inbox.id(), text(r, "message_id"), "reaction-removed", "+" + from, at);
                state.contactWrote(inbox.id(), from, at == null ? Instant.now() : at);
                return;
            }
            body = ReadableBodies.reaction(emoji, changes.quote(inbox.workspaceId(), inbox.id(), text(r, "message_id")));
        } else {
            body = WhatsAppBodies.of(m);
        }
        List<Attachment> attachments = WhatsAppBodies.MEDIA.contains(type) ? List.of(media(inbox, type, m.path(type))) : List.of();
        ingestion.receive(inbox.workspaceId(), inbox.id(), new InboundMessage(text(m, "id"), WA_THREAD + from,
                new NewIdentity(IdentityKind.WHATSAPP, "+" + from, names.get(from), "+" + from, null, null, null),
                null, body, Visibility.PRIVATE, attachments, at));
        state.contactWrote(inbox.id(), from, at == null ? Instant.now() : at);
    }

    /** Media arrive as ids; {@code GET /<media id>} gives the (authenticated, short-lived) download URL and size. */
    private Attachment media(Inbox inbox, String type, JsonNode media) {
        String id = text(media, "id");
        var r = graph.get(inbox, "/" + id);
        if (!r.ok()) {
            throw new SocialDeliveryHandler.ProcessLater("cannot read WhatsApp media " + id + ": " + r);
        }
        JsonNode meta = r.json();
        String mime = text(meta, "mime_type") != null ? text(meta, "mime_type") : text(media, "mime_type");
        Long size = number(meta, "file_size");
        String name = text(media, "filename") != null ? text(media, "filename") : type + "-" + id;
        return new Attachment(name, mime == null ? "application/octet-stream" : mime, size == null ? 0 : size, text(meta, "url"));
    }
}
