package dev.conversa.listening;

/**
 * One token of a text, as seen by the matcher.
 *
 * @param term     normalised form: lower-cased, accent-free, elongations squeezed
 * @param type     kind of token
 * @param start    offset of the first char in the original text
 * @param end      offset after the last char in the original text
 * @param position token position (0-based); the bare word of a hashtag or mention shares its position
 */
public record Token(String term, TokenType type, int start, int end, int position) {
}
