package dev.conversa.channel.meta;

import static dev.conversa.channel.webhook.Json.epochMillis;
import static dev.conversa.channel.webhook.Json.number;
import static dev.conversa.channel.webhook.Json.text;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.IngestionService;
import dev.conversa.channel.webhook.SocialThreads;
import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.DeliveryStatus;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Messenger-platform events, the same shape for Facebook Messenger and Instagram DMs: messages (with attachments,
 * edits and unsends), delivery and read receipts. The sender's profile (name, picture, followers on Instagram) is
 * looked up with the User Profile API when the inbox allows it.
 */
@Component
class MessagingIntake {
    static final String DM_THREAD = "dm:";
    private final SocialThreads threads;
    private final IngestionService ingestion;
    private final MetaGraph graph;

    MessagingIntake(SocialThreads threads, IngestionService ingestion, MetaGraph graph) {
        this.threads = threads;
        this.ingestion = ingestion;
        this.graph = graph;
    }

    void event(Inbox inbox, JsonNode e, IdentityKind kind, String ownId, Instant receivedAt) {
        long ws = inbox.workspaceId();
        String sender = text(e.path("sender"), "id");
        JsonNode message = e.path("message");
        if (!message.isMissingNode()) {
            String mid = text(message, "mid");
            if (sender == null || sender.equals(ownId) || message.path("is_echo").asBoolean(false) || mid == null) {
                return; // our own messages echoed back
            }
            if (message.path("is_deleted").asBoolean(false)) {
                threads.noteOnMessage(ws, inbox.id(), mid, "The customer unsent this message (" + mid + ").");
                return;
            }
            List<Attachment> attachments = new ArrayList<>();
            for (JsonNode a : message.path("attachments")) {
                String url = text(a.path("payload"), "url");
                if (url != null) {
                    String type = text(a, "type");
                    attachments.add(new Attachment(type == null ? "file" : type, contentType(type), 0, url));
                }
            }
            String thread = threads.privateThread(ws, inbox.id(), DM_THREAD + sender);
            ingestion.receive(ws, inbox.id(), new InboundMessage(mid, thread, profile(inbox, kind, sender), null,
                    text(message, "text"), Visibility.PRIVATE, attachments, epochMillis(e, "timestamp")));
            return;
        }
        JsonNode edit = e.path("message_edit");
        if (!edit.isMissingNode() && text(edit, "mid") != null) {
            threads.noteOnMessage(ws, inbox.id(), text(edit, "mid"), "The customer edited this message: " + text(edit, "text"));
            return;
        }
        for (JsonNode mid : e.path("delivery").path("mids")) {
            threads.deliveryStatus(ws, inbox.id(), mid.asString(), DeliveryStatus.DELIVERED, null, receivedAt);
        }
        JsonNode read = e.path("read");
        if (!read.isMissingNode() && sender != null) {
            String thread = threads.privateThread(ws, inbox.id(), DM_THREAD + sender);
            String readMid = text(read, "mid");
            if (readMid != null) { // Instagram names the last read message
                threads.deliveryStatus(ws, inbox.id(), readMid, DeliveryStatus.READ, null, receivedAt);
            } else if (number(read, "watermark") != null) {
                threads.readUpTo(ws, inbox.id(), thread, epochMillis(read, "watermark"));
            }
        }
    }

    /** The sender as an identity, with the profile fields the User Profile API gives (best effort). */
    private NewIdentity profile(Inbox inbox, IdentityKind kind, String id) {
        String fields = kind == IdentityKind.INSTAGRAM ? "name,username,profile_pic,follower_count" : "first_name,last_name,profile_pic";
        try {
            var r = graph.get(inbox, "/" + id + "?fields=" + fields);
            if (r.ok()) {
                JsonNode p = r.json();
                String username = text(p, "username");
                String name = text(p, "name") != null ? text(p, "name")
                        : ((text(p, "first_name") == null ? "" : text(p, "first_name")) + " "
                        + (text(p, "last_name") == null ? "" : text(p, "last_name"))).strip();
                return new NewIdentity(kind, id, name.isEmpty() ? null : name, username == null ? null : "@" + username,
                        text(p, "profile_pic"), username == null ? null : "https://www.instagram.com/" + username,
                        number(p, "follower_count"));
            }
        } catch (RuntimeException ignored) {
            // the profile is a nicety; the message is not
        }
        return NewIdentity.of(kind, id);
    }

    static String contentType(String type) {
        return switch (type == null ? "" : type) {
            case "image" -> "image/jpeg";
            case "video" -> "video/mp4";
            case "audio" -> "audio/mpeg";
            default -> "application/octet-stream";
        };
    }
}
