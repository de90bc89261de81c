package dev.conversa.channel.telegram;

import static dev.conversa.channel.webhook.Json.text;

import dev.conversa.channel.webhook.ReadableBodies;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The readable body of a Telegram {@code Message} (https://core.telegram.org/bots/api#message): its text or
 * caption, else what it is (a sticker, a location or venue, a contact, a poll, a dice, a service message such as
 * members joining), else "unsupported message type" naming its content field.
 */
final class TelegramBodies {
    /** Fields every message may carry besides its content: not what the message is. */
    private static final List<String> ENVELOPE = List.of("message_id", "message_thread_id", "from", "sender_chat", "sender_boost_count",
            "sender_business_bot", "date", "business_connection_id", "chat", "forward_origin", "is_topic_message",
            "is_automatic_forward", "reply_to_message", "external_reply", "quote", "reply_to_story", "via_bot", "edit_date",
            "has_protected_content", "is_from_offline", "media_group_id", "author_signature", "entities", "caption_entities",
            "link_preview_options", "effect_id", "show_caption_above_media", "has_media_spoiler", "reply_markup");

    private TelegramBodies() {
    }

    static String of(JsonNode m) {
        String text = text(m, "text") != null ? text(m, "text") : text(m, "caption");
        if (text != null) {
            return text;
        }
        JsonNode sticker = m.path("sticker");
        if (!sticker.isMissingNode()) {
            return ReadableBodies.sticker(text(sticker, "emoji"));
        }
        JsonNode venue = m.path("venue");
        if (!venue.isMissingNode()) {
            return ReadableBodies.location(text(venue.path("location"), "latitude"), text(venue.path("location"), "longitude"),
                    text(venue, "title"), text(venue, "address"));
        }
        JsonNode location = m.path("location");
        if (!location.isMissingNode()) {
            return ReadableBodies.location(text(location, "latitude"), text(location, "longitude"))
                    + (location.has("live_period") ? " (live)" : "");
        }
        JsonNode contact = m.path("contact");
        if (!contact.isMissingNode()) {
            String name = ((text(contact, "first_name") == null ? "" : text(contact, "first_name")) + " "
                    + (text(contact, "last_name") == null ? "" : text(contact, "last_name"))).strip();
            return ReadableBodies.contactCard(name, List.of(text(contact, "phone_number") == null ? "" : text(contact, "phone_number")));
        }
        JsonNode poll = m.path("poll");
        if (!poll.isMissingNode()) {
            List<String> options = new ArrayList<>();
            poll.path("options").forEach(o -> options.add(text(o, "text")));
            return "poll: " + text(poll, "question") + " (" + String.join(" / ", options) + ")";
        }
        JsonNode dice = m.path("dice");
        if (!dice.isMissingNode()) {
            return "dice " + text(dice, "emoji") + " " + text(dice, "value");
        }
        String service = service(m);
        if (service != null) {
            return ReadableBodies.system(service);
        }
        for (String kind : List.of("animation", "video_note", "photo", "document", "video", "voice", "audio")) {
            if (m.has(kind)) {
                return null; // a file without caption: the attachment is the message
            }
        }
        return ReadableBodies.unsupported(contentField(m));
    }

    private static String service(JsonNode m) {
        if (m.has("new_chat_members")) {
            List<String> names = new ArrayList<>();
            m.path("new_chat_members").forEach(u -> names.add(text(u, "first_name")));
            return String.join(", ", names) + " joined the chat";
        }
        if (m.has("left_chat_member")) {
            return text(m.path("left_chat_member"), "first_name") + " left the chat";
        }
        if (m.has("new_chat_title")) {
            return "the chat is now called " + text(m, "new_chat_title");
        }
        if (m.has("pinned_message")) {
            return "pinned a message";
        }
        return null;
    }

    /** The first field that is not part of every message's envelope: what this message holds. */
    static String contentField(JsonNode m) {
        List<String> names = new ArrayList<>();
        m.propertyNames().forEach(names::add);
        return names.stream().filter(n -> !ENVELOPE.contains(n)).findFirst().orElse("(empty)");
    }
}
