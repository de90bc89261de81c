package dev.conversa.channel.webhook;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The readable text agents see for messages that are not text on their network: a location, a contact card, a
 * reaction, a sticker, a type Conversa does not know. One wording for every channel, so the inbox reads the same.
 */
public final class ReadableBodies {
    private ReadableBodies() {
    }

    /** "📍 location: 40.4168, -3.7038 — Puerta del Sol, Madrid" (name and address when given). */
    public static String location(String latitude, String longitude, String... names) {
        String where = Stream.of(names).filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .collect(Collectors.joining(", "));
        return "📍 location: " + latitude + ", " + longitude + (where.isEmpty() ? "" : " — " + where);
    }

    /** "contact card: Ana García, +34 600 000 000, ana@example.com" (the parts that are given). */
    public static String contactCard(String name, List<String> details) {
        String rest = details.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).collect(Collectors.joining(", "));
        return "contact card: " + (name == null || name.isBlank() ? "(no name)" : name.strip()) + (rest.isEmpty() ? "" : ", " + rest);
    }

    /** "reaction 👍 to “Your order has shipped”". */
    public static String reaction(String emoji, String quote) {
        return "reaction " + emoji + " to " + quote;
    }

    public static String sticker(String emoji) {
        return emoji == null || emoji.isBlank() ? "sticker" : "sticker " + emoji;
    }

    public static String unsupported(String type) {
        return "unsupported message type " + (type == null || type.isBlank() ? "(none given)" : type);
    }

    /** "button: Yes, confirm" — a reply button, quick reply or postback the customer tapped. */
    public static String button(String title) {
        return "button: " + title;
    }

    public static String system(String text) {
        return "system: " + text;
    }

    /** A caption or text with a prefix, the prefix alone when the text is empty. */
    public static String withText(String prefix, String text) {
        return text == null || text.isBlank() ? prefix : prefix + " — " + text;
    }
}
