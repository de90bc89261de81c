package dev.conversa.listening;

/** Kind of a token produced by {@link TokenCursor}. */
public enum TokenType {
    /** A run of letters and digits, e.g. {@code atencion}. */
    WORD,
    /** {@code #tag}; the term keeps the leading {@code #}. */
    HASHTAG,
    /** {@code @user}; the term keeps the leading {@code @}. */
    MENTION,
    /** {@code http://…}, {@code https://…} or {@code www.…}, up to the next whitespace. */
    URL,
    /** One emoji or other pictographic symbol (a flag is one token). */
    EMOJI
}
