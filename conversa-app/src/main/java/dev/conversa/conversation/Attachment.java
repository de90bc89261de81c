package dev.conversa.conversation;

/** Metadata of a file that came with a message; the bytes live where {@code url} points. */
public record Attachment(String fileName, String contentType, long sizeBytes, String url) {
}
