package dev.conversa.channel.twitter;

import static dev.conversa.channel.webhook.Json.epochMillis;
import static dev.conversa.channel.webhook.Json.iso;
import static dev.conversa.channel.webhook.Json.number;
import static dev.conversa.channel.webhook.Json.text;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.IngestionService;
import dev.conversa.channel.webhook.MessageChanges;
import dev.conversa.channel.webhook.SocialDelivery;
import dev.conversa.channel.webhook.SocialDeliveryHandler;
import dev.conversa.channel.webhook.SocialHttp;
import dev.conversa.channel.webhook.SocialState;
import dev.conversa.channel.webhook.SocialThreads;
import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import dev.conversa.kernel.ChannelType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns X payloads into ingested messages: Account Activity deliveries (posts mentioning or replying to the brand,
 * quote posts, DMs, read receipts, deletions) and X API v2 post pages (the mentions timeline) or stream lines (one
 * post with its includes). Any other shape (an X Activity API event, say) becomes a dead letter.
 */
@Component
class TwitterIntake implements SocialDeliveryHandler {
    /** Account Activity API event arrays (https://docs.x.com/x-api/enterprise-gnip-2.0/fundamentals/account-activity). */
    private static final List<String> HANDLED = List.of("tweet_create_events", "direct_message_events",
            "direct_message_mark_read_events", "tweet_delete_events");
    /** Account Activity events with nothing for an agent to answer: recorded. */
    private static final List<String> QUIET_EVENTS = List.of("favorite_events", "follow_events", "unfollow_events", "block_events",
            "unblock_events", "mute_events", "unmute_events", "user_event", "direct_message_indicate_typing_events",
            "user_has_blocked");
    private static final List<String> ACCOUNT_ACTIVITY = java.util.stream.Stream.concat(HANDLED.stream(), QUIET_EVENTS.stream()).toList();
    private final SocialState state;
    private final SocialThreads threads;
    private final IngestionService ingestion;
    private final SocialHttp http;
    private final MessageChanges changes;

    TwitterIntake(SocialState state, SocialThreads threads, IngestionService ingestion, SocialHttp http, MessageChanges changes) {
        this.changes = changes;
        this.state = state;
        this.threads = threads;
        this.ingestion = ingestion;
        this.http = http;
    }

    @Override
    public String source() {
        return TwitterWebhook.SOURCE;
    }

    @Override
    public void process(SocialDelivery d) {
        Inbox inbox = state.inbox(d.inboxId(), ChannelType.TWITTER)
                .orElseThrow(() -> new NoInbox("inbox " + d.inboxId() + " is disabled or no longer an X inbox"));
        JsonNode root = http.mapper().readTree(d.payload());
        JsonNode data = root.path("data");
        if (data.isObject() && text(data, "id") != null && text(data, "text") != null) {
            // an X API v2 stream line (filtered stream): one post with its includes
            var page = http.mapper().createObjectNode();
            page.set("data", http.mapper().createArrayNode().add(data));
            page.set("includes", root.path("includes").isMissingNode() ? http.mapper().createObjectNode() : root.path("includes"));
            ingestV2(inbox, page);
            return;
        }
        if (data.isArray()) {
            ingestV2(inbox, root);
            return;
        }
        if (ACCOUNT_ACTIVITY.stream().noneMatch(root::has)) {
            List<String> names = new ArrayList<>();
            root.propertyNames().forEach(names::add);
            throw new Unrecognised("X payload of an unknown shape (fields: " + String.join(", ", names) + ")"
                    + (data.has("event_type") ? ", X Activity API event " + text(data, "event_type") : ""));
        }
        for (String quiet : QUIET_EVENTS) {
            for (JsonNode event : root.path(quiet)) {
                changes.event(inbox.workspaceId(), inbox.id(), null, "x-" + quiet, event.toString(), null);
            }
        }
        String brand = text(root, "for_user_id");
        for (JsonNode tweet : root.path("tweet_create_events")) {
            tweet(inbox, brand, tweet);
        }
        for (JsonNode event : root.path("direct_message_events")) {
            directMessage(inbox, brand, event, root.path("users"));
        }
        for (JsonNode read : root.path("direct_message_mark_read_events")) {
            String reader = text(read, "sender_id");
            Instant at = epochMillis(read, "created_timestamp");
            if (reader != null && !reader.equals(brand) && at != null) {
                String thread = threads.privateThread(inbox.workspaceId(), inbox.id(), TwitterAdapter.DM_THREAD + reader);
                threads.readUpTo(inbox.workspaceId(), inbox.id(), thread, at);
            }
        }
        for (JsonNode deletion : root.path("tweet_delete_events")) {
            String id = text(deletion.path("status"), "id");
            if (id != null) {
                changes.deleted(inbox.workspaceId(), inbox.id(), id, epochMillis(deletion, "timestamp_ms"),
                        "The author deleted this post on X (post " + id + ").", d.receivedAt());
            }
        }
    }

    /** A post in Account Activity (v1.1 object) format. */
    private void tweet(Inbox inbox, String brand, JsonNode t) {
        JsonNode user = t.path("user");
        String authorId = text(user, "id_str");
        String id = text(t, "id_str");
        if (id == null || authorId == null || authorId.equals(brand) || t.has("retweeted_status")) {
            return; // the brand's own posts (our replies) and plain reposts are not customer messages
        }
        JsonNode extended = t.path("extended_tweet");
        String body = text(extended, "full_text") != null ? text(extended, "full_text") : text(t, "text");
        String initial = text(t.path("edit_history"), "initial_tweet_id");
        if (initial != null && !initial.equals(id)
                && changes.edited(inbox.workspaceId(), inbox.id(), initial, body, epochMillis(t, "timestamp_ms"),
                "The author edited post " + initial + " on X: " + body, null)) {
            return;
        }
        JsonNode mediaHolder = extended.has("extended_entities") ? extended : t;
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode media : mediaHolder.path("extended_entities").path("media")) {
            attachments.add(mediaAttachment(text(media, "type"), text(media, "media_url_https")));
        }
        String parent = text(t, "in_reply_to_status_id_str");
        String thread = parent == null ? TwitterAdapter.TWEET_THREAD + id
                : threads.threadOfMessage(inbox.workspaceId(), inbox.id(), parent).orElse(TwitterAdapter.TWEET_THREAD + parent);
        Instant at = epochMillis(t, "timestamp_ms");
        ingestion.receive(inbox.workspaceId(), inbox.id(), new InboundMessage(id, thread,
                new NewIdentity(IdentityKind.TWITTER, authorId, text(user, "name"), "@" + text(user, "screen_name"),
                        text(user, "profile_image_url_https"), "https://x.com/" + text(user, "screen_name"),
                        number(user, "followers_count")),
                null, body, Visibility.PUBLIC, attachments, at));
    }

    private void directMessage(Inbox inbox, String brand, JsonNode event, JsonNode users) {
        if (!"message_create".equals(text(event, "type"))) {
            return;
        }
        JsonNode create = event.path("message_create");
        String sender = text(create, "sender_id");
        if (sender == null || sender.equals(brand)) {
            return; // DMs the brand sent (our replies)
        }
        JsonNode data = create.path("message_data");
        List<Attachment> attachments = new ArrayList<>();
        JsonNode media = data.path("attachment").path("media");
        if (!media.isMissingNode()) {
            attachments.add(mediaAttachment(text(media, "type"), text(media, "media_url_https")));
        }
        JsonNode user = users.path(sender);
        String handle = text(user, "screen_name");
        String thread = threads.privateThread(inbox.workspaceId(), inbox.id(), TwitterAdapter.DM_THREAD + sender);
        ingestion.receive(inbox.workspaceId(), inbox.id(), new InboundMessage(text(event, "id"), thread,
                new NewIdentity(IdentityKind.TWITTER, sender, text(user, "name"), handle == null ? null : "@" + handle,
                        text(user, "profile_image_url_https"), handle == null ? null : "https://x.com/" + handle,
                        number(user, "followers_count")),
                null, text(data, "text"), Visibility.PRIVATE, attachments, epochMillis(event, "created_timestamp")));
    }

    /** A page of X API v2 posts with {@code includes} (the mentions timeline); returns how many were ingested. */
    int ingestV2(Inbox inbox, JsonNode page) {
        String brand = TwitterSettings.of(inbox).userId();
        Map<String, JsonNode> users = new HashMap<>();
        page.path("includes").path("users").forEach(u -> users.put(text(u, "id"), u));
        Map<String, JsonNode> media = new HashMap<>();
        page.path("includes").path("media").forEach(m -> media.put(text(m, "media_key"), m));
        List<JsonNode> posts = new ArrayList<>();
        page.path("data").forEach(posts::add);
        int n = 0;
        for (JsonNode t : posts.reversed()) { // the timeline is newest first; ingest in order
            String authorId = text(t, "author_id");
            if (authorId == null || authorId.equals(brand)) {
                continue;
            }
            String id = text(t, "id");
            List<String> edits = new ArrayList<>();
            t.path("edit_history_tweet_ids").forEach(e -> edits.add(e.asString()));
            if (edits.size() > 1 && !edits.getFirst().equals(id)
                    && changes.edited(inbox.workspaceId(), inbox.id(), edits.getFirst(), text(t, "text"), iso(t, "created_at"),
                    "The author edited post " + edits.getFirst() + " on X: " + text(t, "text"), null)) {
                continue;
            }
            List<Attachment> attachments = new ArrayList<>();
            for (JsonNode key : t.path("attachments").path("media_keys")) {
                JsonNode m = media.get(key.asString());
                if (m != null) {
                    attachments.add(mediaAttachment(text(m, "type"), text(m, "url") != null ? text(m, "url") : text(m, "preview_image_url")));
                }
            }
            JsonNode user = users.get(authorId);
            String handle = text(user, "username");
            String conversation = text(t, "conversation_id");
            var result = ingestion.receive(inbox.workspaceId(), inbox.id(), new InboundMessage(id,
                    TwitterAdapter.TWEET_THREAD + (conversation == null ? id : conversation),
                    new NewIdentity(IdentityKind.TWITTER, authorId, text(user, "name"), handle == null ? null : "@" + handle,
                            text(user, "profile_image_url"), handle == null ? null : "https://x.com/" + handle,
                            user == null ? null : number(user.path("public_metrics"), "followers_count")),
                    null, text(t, "text"), Visibility.PUBLIC, attachments, iso(t, "created_at")));
            if (!result.duplicate()) {
                n++;
            }
        }
        return n;
    }

    private static Attachment mediaAttachment(String type, String url) {
        String contentType = "video".equals(type) ? "video/mp4" : "animated_gif".equals(type) ? "video/mp4" : "image/jpeg";
        String name = url == null ? "media" : url.substring(url.lastIndexOf('/') + 1);
        return new Attachment(name, contentType, 0, url);
    }
}
