package dev.conversa.channel.meta;

import static dev.conversa.channel.webhook.Json.epochMillis;
import static dev.conversa.channel.webhook.Json.number;
import static dev.conversa.channel.webhook.Json.text;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.IngestionService;
import dev.conversa.channel.webhook.MessageChanges;
import dev.conversa.channel.webhook.ReadableBodies;
import dev.conversa.channel.webhook.SocialDeliveryHandler;
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
    /** Documented Messenger events that carry nothing for an agent to answer (https://developers.facebook.com/docs/messenger-platform/webhooks). */
    private static final List<String> QUIET_EVENTS = List.of("referral", "optin", "account_linking", "policy_enforcement",
            "pass_thread_control", "take_thread_control", "request_thread_control", "app_roles", "messaging_feedback",
            "game_play", "response_feedback");
    private final SocialThreads threads;
    private final IngestionService ingestion;
    private final MetaGraph graph;
    private final MessageChanges changes;

    MessagingIntake(SocialThreads threads, IngestionService ingestion, MetaGraph graph, MessageChanges changes) {
        this.changes = changes;
        this.threads = threads;
        this.ingestion = ingestion;
        this.graph = graph;
    }

    void event(Inbox inbox, JsonNode e, IdentityKind kind, String ownId, Instant receivedAt) {
        long ws = inbox.workspaceId();
        String sender = text(e.path("sender"), "id");
        Instant at = epochMillis(e, "timestamp");
        JsonNode message = e.path("message");
        if (!message.isMissingNode()) {
            String mid = text(message, "mid");
            if (message.path("is_echo").asBoolean(false) || (sender != null && sender.equals(ownId))) {
                return; // our own messages echoed back
            }
            if (sender == null || mid == null) {
                throw new SocialDeliveryHandler.Unrecognised("Messenger message without sender or mid");
            }
            if (message.path("is_deleted").asBoolean(false)) {
                changes.deleted(ws, inbox.id(), mid, at, "The customer unsent this message (" + mid + ").", receivedAt);
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
            receive(inbox, kind, sender, mid, MessengerBodies.of(message), attachments, at);
            return;
        }
        JsonNode edit = e.path("message_edit");
        if (!edit.isMissingNode() && text(edit, "mid") != null) {
            changes.edited(ws, inbox.id(), text(edit, "mid"), text(edit, "text"), at,
                    "The customer edited this message: " + text(edit, "text"), receivedAt);
            return;
        }
        JsonNode reaction = e.path("reaction");
        if (!reaction.isMissingNode() && sender != null) {
            String reacted = text(reaction, "mid");
            String emoji = text(reaction, "emoji") != null ? text(reaction, "emoji") : text(reaction, "reaction");
            if ("unreact".equals(text(reaction, "action"))) {
                changes.event(ws, inbox.id(), reacted, "reaction-removed", sender, at);
            } else {
                // a reaction has no id of its own: who reacted to what, with what, when
                receive(inbox, kind, sender, "reaction:" + reacted + ":" + sender + ":" + number(e, "timestamp"),
                        ReadableBodies.reaction(emoji, changes.quote(ws, inbox.id(), reacted)), List.of(), at);
            }
            return;
        }
        JsonNode postback = e.path("postback");
        if (!postback.isMissingNode() && sender != null) {
            String id = text(postback, "mid") != null ? text(postback, "mid") : "postback:" + sender + ":" + number(e, "timestamp");
            receive(inbox, kind, sender, id, ReadableBodies.button(text(postback, "title") != null ? text(postback, "title")
                    : text(postback, "payload")), List.of(), at);
            return;
        }
        boolean statuses = false;
        for (JsonNode mid : e.path("delivery").path("mids")) {
            threads.deliveryStatus(ws, inbox.id(), mid.asString(), DeliveryStatus.DELIVERED, null, receivedAt);
            statuses = true;
        }
        JsonNode read = e.path("read");
        if (!read.isMissingNode() && sender != null) {
            statuses = true;
            String thread = threads.privateThread(ws, inbox.id(), DM_THREAD + sender);
            String readMid = text(read, "mid");
            if (readMid != null) { // Instagram names the last read message
                threads.deliveryStatus(ws, inbox.id(), readMid, DeliveryStatus.READ, null, receivedAt);
            } else if (number(read, "watermark") != null) {
                threads.readUpTo(ws, inbox.id(), thread, epochMillis(read, "watermark"));
            }
        }
        if (statuses || !e.path("delivery").isMissingNode()) {
            return;
        }
        for (String quiet : QUIET_EVENTS) {
            if (e.has(quiet)) { // nothing for an agent to answer: recorded
                changes.event(ws, inbox.id(), null, quiet, e.path(quiet).toString(), at);
                return;
            }
        }
        throw new SocialDeliveryHandler.Unrecognised("Messenger event of an unknown kind: " + fieldNames(e));
    }

    private void receive(Inbox inbox, IdentityKind kind, String sender, String externalId, String body, List<Attachment> attachments,
                         Instant at) {
        long ws = inbox.workspaceId();
        String thread = threads.privateThread(ws, inbox.id(), DM_THREAD + sender);
        ingestion.receive(ws, inbox.id(), new InboundMessage(externalId, thread, profile(inbox, kind, sender), null,
                body, Visibility.PRIVATE, attachments, at));
    }

    private static String fieldNames(JsonNode e) {
        List<String> names = new ArrayList<>();
        e.propertyNames().forEach(names::add);
        return String.join(", ", names);
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
