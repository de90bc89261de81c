package dev.conversa.conversation;

/** A prepared answer; {@code body} may hold placeholders such as {@code {{customer.name}}}. */
public record CannedResponse(long id, String shortcut, String title, String body) {
}
