package dev.conversa.automation;

import java.util.List;

/** What rules see of a conversation; the engine updates its own copy as earlier rules act. */
record Facts(String channel, String status, String priority, List<String> tags, String language, String sentiment,
             boolean vip, String body, String subject, boolean assigned, Long teamId) {

    String get(String field) {
        return switch (field) {
            case "channel" -> channel;
            case "status" -> status;
            case "priority" -> priority;
            case "language" -> language;
            case "sentiment" -> sentiment;
            case "vip" -> String.valueOf(vip);
            case "body" -> body;
            case "subject" -> subject;
            case "assigned" -> String.valueOf(assigned);
            case "tag" -> String.join("\n", tags);
            default -> throw new IllegalArgumentException("unknown field " + field);
        };
    }
}
