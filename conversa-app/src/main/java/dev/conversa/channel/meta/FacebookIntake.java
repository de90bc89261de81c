package dev.conversa.channel.meta;

import static dev.conversa.channel.webhook.Json.epochSeconds;
import static dev.conversa.channel.webhook.Json.text;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.IngestionService;
import dev.conversa.channel.webhook.SocialThreads;
import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import java.time.Instant;
import java.util.List;
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

    FacebookIntake(SocialThreads threads, IngestionService ingestion, MessagingIntake messaging) {
        this.threads = threads;
        this.ingestion = ingestion;
        this.messaging = messaging;
    }

    void entry(Inbox inbox, JsonNode entry, Instant receivedAt) {
        String pageId = inbox.settings().getOrDefault("pageId", text(entry, "id"));
        for (JsonNode e : entry.path("messaging")) {
            messaging.event(inbox, e, IdentityKind.FACEBOOK, pageId, receivedAt);
        }
        for (JsonNode change : entry.path("changes")) {
            if ("feed".equals(text(change, "field"))) {
                feed(inbox, pageId, change.path("value"));
            }
        }
    }

    private void feed(Inbox inbox, String pageId, JsonNode v) {
        long ws = inbox.workspaceId();
        String item = text(v, "item");
        String verb = text(v, "verb");
        String postId = text(v, "post_id");
        String commentId = text(v, "comment_id");
        JsonNode from = v.path("from");
        String authorId = text(from, "id");
        boolean comment = "comment".equals(item);
        if (!comment && !POST_ITEMS.contains(item)) {
            return; // reactions, likes...
        }
        String externalId = comment ? commentId : postId;
        if (externalId == null || postId == null) {
            return;
        }
        switch (verb == null ? "" : verb) {
            case "add" -> {
                if (authorId == null || authorId.equals(pageId)) {
                    return; // the page's own posts and replies
                }
                String photo = text(v, "photo") != null ? text(v, "photo") : text(v, "link");
                List<Attachment> attachments = photo == null ? List.of() : List.of(new Attachment("photo", "image/jpeg", 0, photo));
                ingestion.receive(ws, inbox.id(), new InboundMessage(externalId, POST_THREAD + postId,
                        new NewIdentity(IdentityKind.FACEBOOK, authorId, text(from, "name"), null, null, null, null),
                        null, text(v, "message"), Visibility.PUBLIC, attachments, epochSeconds(v, "created_time")));
            }
            case "edited" -> threads.noteOnMessage(ws, inbox.id(), externalId,
                    "The author edited this " + (comment ? "comment" : "post") + " on Facebook: " + text(v, "message"));
            case "remove" -> threads.noteOnMessage(ws, inbox.id(), externalId,
                    "This " + (comment ? "comment" : "post") + " was removed from Facebook (" + externalId + ").");
            case "hide", "unhide" -> threads.noteOnMessage(ws, inbox.id(), externalId,
                    "This comment was " + verb + (verb.equals("hide") ? "den" : "d") + " on Facebook (" + externalId + ").");
            default -> {
                // other verbs (block, mute...) carry no message
            }
        }
    }
}
