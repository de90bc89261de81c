package dev.conversa.nlp.text;

/**
 * One token of a social text.
 *
 * @param kind     what the token is
 * @param surface  the text as written (for ALL CAPS detection)
 * @param norm     lower-cased, accent-folded form (á→a, but ñ is kept); for emoji the base code point
 * @param squeezed {@code norm} with runs of 3+ equal letters cut to 2 ("buenooo"→"buenoo"), or null if unchanged
 * @param single   {@code norm} with every run of equal letters cut to 1 ("buenoo"→"bueno"), or null if unchanged
 * @param allCaps  at least two letters, all upper case
 */
public record Token(Kind kind, String surface, String norm, String squeezed, String single, boolean allCaps) {

    public enum Kind { WORD, HASHTAG, EMOJI, EMOTICON }

    /** Written with a letter repeated three or more times. */
    public boolean elongated() {
        return squeezed != null;
    }

    public boolean isWordLike() {
        return kind == Kind.WORD || kind == Kind.HASHTAG;
    }
}
