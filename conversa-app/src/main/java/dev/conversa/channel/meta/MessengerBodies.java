package dev.conversa.channel.meta;

import static dev.conversa.channel.webhook.Json.text;

import dev.conversa.channel.webhook.ReadableBodies;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The readable body of a Messenger or Instagram message
 * (https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/messages,
 * https://developers.facebook.com/docs/instagram-platform/webhooks): its text, else what its attachments are
 * (a location, a sticker, a shared post or reel, a story mention), else "unsupported message type".
 */
final class MessengerBodies {
    private MessengerBodies() {
    }

    static String of(JsonNode message) {
        String text = text(message, "text");
        if (text != null) {
            return text;
        }
        if (message.path("is_unsupported").asBoolean(false)) {
            return ReadableBodies.unsupported("(the network did not say)");
        }
        if (text(message, "sticker_id") != null) {
            return ReadableBodies.sticker(null);
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode a : message.path("attachments")) {
            String type = text(a, "type") == null ? "" : text(a, "type");
            JsonNode p = a.path("payload");
            switch (type) {
                case "image", "video", "audio", "file" -> {
                    if (text(p, "sticker_id") != null) {
                        parts.add(ReadableBodies.sticker(null));
                    }
                }
                case "location" -> parts.add(ReadableBodies.location(text(p.path("coordinates"), "lat"),
                        text(p.path("coordinates"), "long"), text(a, "title")));
                case "fallback" -> parts.add(ReadableBodies.withText("shared link: " + (text(a, "title") == null ? "" : text(a, "title")),
                        text(a, "url") != null ? text(a, "url") : text(p, "url")));
                case "story_mention" -> parts.add("story mention");
                case "share", "ig_reel", "reel", "ig_post" -> parts.add(ReadableBodies.withText("shared " + type.replace("ig_", ""),
                        text(p, "title")));
                case "template" -> parts.add(ReadableBodies.withText("template", text(p, "title")));
                default -> parts.add(ReadableBodies.unsupported("attachment " + type));
            }
        }
        if (parts.isEmpty() && message.path("attachments").isEmpty()) {
            return ReadableBodies.unsupported("(empty message)");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
