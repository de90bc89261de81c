package dev.conversa.channel.webhook;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Null-safe reading of provider JSON. */
public final class Json {
    private Json() {
    }

    /** The text of a field, or {@code null} when missing, null or empty. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        String s = v.isValueNode() ? v.asString() : v.toString();
        return s == null || s.isEmpty() ? null : s;
    }

    public static Long number(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An instant from epoch seconds given as number or string. */
    public static Instant epochSeconds(JsonNode node, String field) {
        Long v = number(node, field);
        return v == null ? null : Instant.ofEpochSecond(v);
    }

    public static Instant epochMillis(JsonNode node, String field) {
        Long v = number(node, field);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    public static Instant iso(JsonNode node, String field) {
        String v = text(node, field);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
