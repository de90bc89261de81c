package dev.conversa.listening;

/**
 * Char offsets of a matched term or phrase in the post text, for highlighting.
 *
 * @param start offset of the first char
 * @param end   offset after the last char
 */
public record Highlight(int start, int end) {

    /** The highlighted part of {@code text}. */
    public String in(String text) {
        return text.substring(start, end);
    }
}
