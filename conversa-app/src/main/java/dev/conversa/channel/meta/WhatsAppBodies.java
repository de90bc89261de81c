package dev.conversa.channel.meta;

import static dev.conversa.channel.webhook.Json.text;

import dev.conversa.channel.webhook.ReadableBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The readable body of each WhatsApp Cloud API message type
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages): none
 * is dropped; a type this code does not know is stored as "unsupported message type X".
 */
final class WhatsAppBodies {
    static final Set<String> MEDIA = Set.of("image", "video", "audio", "document", "sticker");

    private WhatsAppBodies() {
    }

    /** The body of a customer message; {@code reaction} is handled by the caller (it needs the reacted message). */
    static String of(JsonNode m) {
        String type = text(m, "type") == null ? "" : text(m, "type");
        JsonNode content = m.path(type);
        return switch (type) {
            case "text" -> text(content, "body");
            case "sticker" -> ReadableBodies.sticker(null) + (content.path("animated").asBoolean(false) ? " (animated)" : "");
            case "image", "video", "audio", "document" -> text(content, "caption");
            case "location" -> ReadableBodies.location(text(content, "latitude"), text(content, "longitude"), text(content, "name"),
                    text(content, "address")) + (text(content, "url") == null ? "" : " " + text(content, "url"));
            case "contacts" -> contacts(m.path("contacts"));
            case "interactive" -> interactive(content);
            case "button" -> ReadableBodies.button(text(content, "text"));
            case "order" -> order(content);
            case "system" -> ReadableBodies.system(text(content, "body") != null ? text(content, "body") : text(content, "type"));
            case "unsupported" -> ReadableBodies.unsupported(text(content, "type") != null ? text(content, "type")
                    : text(m.path("errors").path(0), "title"));
            default -> ReadableBodies.unsupported(type);
        };
    }

    private static String contacts(JsonNode contacts) {
        List<String> cards = new ArrayList<>();
        for (JsonNode c : contacts) {
            List<String> details = new ArrayList<>();
            c.path("phones").forEach(p -> details.add(text(p, "phone")));
            c.path("emails").forEach(e -> details.add(text(e, "email")));
            details.add(text(c.path("org"), "company"));
            cards.add(ReadableBodies.contactCard(text(c.path("name"), "formatted_name"), details));
        }
        return cards.isEmpty() ? ReadableBodies.contactCard(null, List.of()) : String.join("; ", cards);
    }

    private static String interactive(JsonNode i) {
        String kind = text(i, "type") == null ? "" : text(i, "type");
        return switch (kind) {
            case "button_reply" -> ReadableBodies.button(text(i.path("button_reply"), "title"));
            case "list_reply" -> ReadableBodies.withText("list reply: " + text(i.path("list_reply"), "title"),
                    text(i.path("list_reply"), "description"));
            case "nfm_reply" -> ReadableBodies.withText("form reply" + (text(i.path("nfm_reply"), "name") == null ? ""
                    : " (" + text(i.path("nfm_reply"), "name") + ")"), text(i.path("nfm_reply"), "response_json"));
            default -> ReadableBodies.unsupported("interactive " + kind);
        };
    }

    private static String order(JsonNode o) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : o.path("product_items")) {
            items.add(text(item, "quantity") + " × " + text(item, "product_retailer_id") + " (" + text(item, "item_price") + " "
                    + text(item, "currency") + ")");
        }
        return ReadableBodies.withText("order: " + (items.isEmpty() ? "(no items)" : String.join(", ", items)), text(o, "text"));
    }
}
