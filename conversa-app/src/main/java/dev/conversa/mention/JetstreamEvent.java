package dev.conversa.mention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * Reading of one Jetstream message (https://github.com/bluesky-social/jetstream, "Consuming Jetstream"): every
 * message carries {@code did}, {@code time_us} (the resume cursor, microseconds since the epoch) and {@code kind}
 * ({@code commit}, {@code identity}, {@code account}); a commit names its {@code operation}, {@code collection},
 * {@code rkey} and, for creates and updates, the {@code record}.
 */
final class JetstreamEvent {
    static final String SOURCE = "bluesky";
    static final String POSTS = "app.bsky.feed.post";
    static final String REPOSTS = "app.bsky.feed.repost";

    /**
     * A repost of a post, or a post quoting one: counted on the original's mentions.
     *
     * @param shareId    the repost's or quoting post's {@code at://} URI (counted once)
     * @param originalId the original post's {@code at://} URI, which is its mentions' external id
     */
    record Share(String shareId, String originalId, boolean quote) {
    }

    private JetstreamEvent() {
    }

    /** The event's cursor, or -1 when it has none. */
    static long cursor(JsonNode event) {
        JsonNode t = event.path("time_us");
        return t.isIntegralNumber() ? t.asLong() : -1;
    }

    /** The post a message creates, or {@code null} for anything else (likes, deletions, identity, account...). */
    static PublicPost post(JsonNode event) {
        JsonNode commit = event.path("commit");
        if (!"commit".equals(event.path("kind").asString("")) || !"create".equals(commit.path("operation").asString(""))
                || !POSTS.equals(commit.path("collection").asString(""))) {
            return null;
        }
        String did = event.path("did").asString("");
        String rkey = commit.path("rkey").asString("");
        JsonNode record = commit.path("record");
        String text = record.path("text").asString("");
        if (did.isEmpty() || rkey.isEmpty() || text.isBlank() || did.length() > 150 || rkey.length() > 40) {
            return null;
        }
        String lang = null;
        JsonNode langs = record.path("langs");
        if (langs.isArray() && !langs.isEmpty()) {
            lang = FeedParser.language(langs.get(0).asString(""));
        }
        Instant postedAt = createdAt(record.path("createdAt").asString(""));
        if (postedAt == null && cursor(event) > 0) {
            postedAt = Instant.EPOCH.plusNanos(cursor(event) * 1000);
        }
        return new PublicPost(SOURCE, "at://" + did + "/" + POSTS + "/" + rkey, text, did, did,
                "https://bsky.app/profile/" + did + "/post/" + rkey, lang, null, "bsky.app", postedAt, null);
    }

    /**
     * The share a message creates: an {@code app.bsky.feed.repost} record (its {@code subject.uri}), or a post whose
     * {@code embed} is an {@code app.bsky.embed.record} ({@code embed.record.uri}) or an
     * {@code app.bsky.embed.recordWithMedia} ({@code embed.record.record.uri}) of a post; {@code null} otherwise.
     */
    static Share share(JsonNode event) {
        JsonNode commit = event.path("commit");
        if (!"commit".equals(event.path("kind").asString("")) || !"create".equals(commit.path("operation").asString(""))) {
            return null;
        }
        String did = event.path("did").asString("");
        String rkey = commit.path("rkey").asString("");
        String collection = commit.path("collection").asString("");
        if (did.isEmpty() || rkey.isEmpty() || did.length() > 150 || rkey.length() > 40) {
            return null;
        }
        JsonNode record = commit.path("record");
        String original;
        boolean quote;
        if (REPOSTS.equals(collection)) {
            original = record.path("subject").path("uri").asString("");
            quote = false;
        } else if (POSTS.equals(collection)) {
            JsonNode embed = record.path("embed");
            original = switch (embed.path("$type").asString("")) {
                case "app.bsky.embed.record" -> embed.path("record").path("uri").asString("");
                case "app.bsky.embed.recordWithMedia" -> embed.path("record").path("record").path("uri").asString("");
                default -> "";
            };
            quote = true;
        } else {
            return null;
        }
        if (!original.startsWith("at://") || !original.contains("/" + POSTS + "/") || original.length() > 200) {
            return null;
        }
        return new Share("at://" + did + "/" + collection + "/" + rkey, original, quote);
    }

    private static Instant createdAt(String value) {
        try {
            return value.isEmpty() ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
