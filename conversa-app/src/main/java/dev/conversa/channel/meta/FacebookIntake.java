package dev.conversa.channel.meta;

import static dev.conversa.channel.webhook.Json.epochSeconds;
import static dev.conversa.channel.webhook.Json.text;

import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.Inbox;
import dev.conversa.channel.IngestionService;
import dev.conversa.channel.webhook.MessageChanges;
import dev.conversa.channel.webhook.SocialDeliveryHandler;
import dev.conversa.channel.webhook.SocialThreads;
import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A Page's webhook entry: {@code feed} changes (comments and replies under page posts, visitor posts; edits,
 * removals and hides) and Messenger events. All comments under one post are one conversation (thread
 * {@code post:<post id>}).
 */
@Component
class FacebookIntake {
    static final String POST_THREAD = "post:";
    private static final Set<String> POST_ITEMS = Set.of("post", "status", "photo", "video", "share");

    private final SocialThreads threads;
    private final IngestionService ingestion;
    private final MessagingIntake messaging;
    private final MessageChanges changes;

    FacebookIntake(SocialThreads threads, IngestionService ingestion, MessagingIntake messaging, MessageChanges changes) {
        this.changes = changes;
        this.threads = threads;
        this.ingestion = ingestion;
        this.messaging = messaging;
    }

    void entry(Inbox inbox, JsonNode entry, Instant receivedAt) {
        String pageId = Objects.requireNonNullElse(MetaSettings.of(inbox).pageId(), text(entry, "id"));
        for (JsonNode e : entry.path("messaging")) {
            messaging.event(inbox, e, IdentityKind.FACEBOOK, pageId, receivedAt);
        }
        for (JsonNode change : entry.path("changes")) {
            if (!"feed".equals(text(change, "field"))) {
                throw new SocialDeliveryHandler.Unrecognised("Facebook page webhook field " + text(change, "field") + " is not handled");
            }
            feed(inbox, pageId, change.path("value"), receivedAt);
        }
        if (entry.path("messaging").isEmpty() && entry.path("changes").isEmpty()) {
            throw new SocialDeliveryHandler.Unrecognised("Facebook page entry with neither messaging nor changes");
        }
    }

    /** A post or comment with no text (a photo, a shared link, a sticker comment) still reads as something. */
    private static String body(String item, JsonNode v, List<Attachment> attachments) {
        String message = text(v, "message");
        if (message != null) {
            return message;
        }
        if (text(v, "sticker") != null) {
            return dev.conversa.channel.webhook.ReadableBodies.sticker(null);
        }
        return attachments.isEmpty() ? "(" + item + " without text)" : null;
    }

    private void feed(Inbox inbox, String pageId, JsonNode v, Instant receivedAt) {
        long ws = inbox.workspaceId();
        String item = text(v, "item");
        String verb = text(v, "verb");
        String postId = text(v, "post_id");
        String commentId = text(v, "comment_id");
        JsonNode from = v.path("from");
        // Older Graph API versions name the author sender_id / sender_name instead of a from object.
        String authorId = text(from, "id") != null ? text(from, "id") : text(v, "sender_id");
        String authorName = text(from, "name") != null ? text(from, "name") : text(v, "sender_name");
        boolean comment = "comment".equals(item);
        if ("reaction".equals(item) || "like".equals(item)) {
            // a reaction under a post or comment carries nothing to answer: recorded on it
            changes.event(ws, inbox.id(), commentId != null ? commentId : postId, "reaction-" + verb,
                    (text(v, "reaction_type") == null ? item : text(v, "reaction_type")) + " by " + authorName, epochSeconds(v, "created_time"));
            return;
        }
        if (!comment && !POST_ITEMS.contains(item)) {
            throw new SocialDeliveryHandler.Unrecognised("Facebook feed item " + item + " is not handled");
        }
        String externalId = comment ? commentId : postId;
        if (externalId == null || postId == null) {
            throw new SocialDeliveryHandler.Unrecognised("Facebook feed " + item + " without post or comment id");
        }
        switch (verb == null ? "" : verb) {
            case "add" -> {
                if (authorId == null) {
                    throw new SocialDeliveryHandler.Unrecognised("Facebook feed " + item + " without an author");
                }
                if (authorId.equals(pageId)) {
                    return; // the page's own posts and replies
                }
                String photo = text(v, "photo") != null ? text(v, "photo") : text(v, "link");
                List<Attachment> attachments = photo == null ? List.of() : List.of(new Attachment("photo", "image/jpeg", 0, photo));
                ingestion.receive(ws, inbox.id(), new InboundMessage(externalId, POST_THREAD + postId,
                        new NewIdentity(IdentityKind.FACEBOOK, authorId, authorName, null, null, null, null),
                        null, body(item, v, attachments), Visibility.PUBLIC, attachments, epochSeconds(v, "created_time")));
            }
            case "edited" -> changes.edited(ws, inbox.id(), externalId, text(v, "message"), epochSeconds(v, "created_time"),
                    "The author edited this " + (comment ? "comment" : "post") + " on Facebook: " + text(v, "message"), receivedAt);
            case "remove" -> changes.deleted(ws, inbox.id(), externalId, epochSeconds(v, "created_time"),
                    "This " + (comment ? "comment" : "post") + " was removed from Facebook (" + externalId + ").", receivedAt);
            case "hide", "unhide" -> {
                changes.event(ws, inbox.id(), externalId, verb, null, epochSeconds(v, "created_time"));
                threads.noteOnMessage(ws, inbox.id(), externalId,
                        "This comment was " + verb + (verb.equals("hide") ? "den" : "d") + " on Facebook (" + externalId + ").");
            }
            default -> changes.event(ws, inbox.id(), externalId, verb, item, epochSeconds(v, "created_time"));
        }
    }
}
