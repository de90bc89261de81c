package dev.conversa.listening;

import java.util.ArrayList;
import java.util.List;

/**
 * Single-pass, allocation-free tokenizer shared by the query parser, the matcher and the Lucene oracle.
 *
 * <p>Rules (see {@code docs/listening.md}):
 * <ul>
 *   <li>words are runs of letters and digits; everything else separates words (apostrophes, dots, hyphens…);</li>
 *   <li>terms are lower-cased and accent-folded ({@code Atención} → {@code atencion}); combining marks are dropped;</li>
 *   <li>a run of three or more identical letters is squeezed to one ({@code buenísimooo} → {@code buenisimo});</li>
 *   <li>{@code #tag} and {@code @user} (not preceded by a letter or digit) keep their sigil and may contain {@code _};</li>
 *   <li>{@code http://}, {@code https://} and {@code www.} start a URL that runs to the next whitespace
 *       (trailing punctuation excluded);</li>
 *   <li>each emoji / pictographic symbol is one token (a pair of regional indicators, i.e. a flag, is one token);
 *       variation selectors, joiners and skin-tone modifiers are ignored.</li>
 * </ul>
 * Terms longer than {@link #MAX_TERM_CHARS} are truncated. Instances are reusable but not thread-safe.
 */
public final class TokenCursor {

    /** Longest normalised term kept; longer tokens are truncated. */
    public static final int MAX_TERM_CHARS = 128;

    private static final char[] ASCII_FOLD = asciiFold();

    private final char[] term = new char[MAX_TERM_CHARS];
    /** {@code hashes[k]} = {@link #hashOf} of {@code term[0, k)}. */
    private final int[] hashes = new int[MAX_TERM_CHARS + 1];
    private char[] text = new char[256];
    private int length;
    private int scan;
    private int termLength;
    private int start;
    private int end;
    private int position = -1;
    private TokenType type;

    /**
     * Tokenizes {@code text} into the tokens the matcher sees: every token of the cursor, plus, for each hashtag
     * and mention, its bare word at the same position ({@code #Iberia} → {@code #iberia} and {@code iberia}).
     */
    public static List<Token> tokenize(CharSequence text) {
        List<Token> tokens = new ArrayList<>();
        TokenCursor cursor = new TokenCursor().reset(text);
        while (cursor.next()) {
            tokens.add(new Token(cursor.term(), cursor.type(), cursor.start(), cursor.end(), cursor.position()));
            if (cursor.hasBareWord()) {
                tokens.add(new Token(new String(cursor.term, 1, cursor.termLength - 1), TokenType.WORD,
                        cursor.start(), cursor.end(), cursor.position()));
            }
        }
        return tokens;
    }

    /** Whether the current token is a hashtag or mention, whose bare word (term minus sigil) is also indexed. */
    public boolean hasBareWord() {
        return (type == TokenType.HASHTAG || type == TokenType.MENTION) && termLength > 1;
    }

    /** Starts tokenizing {@code text} from the beginning. */
    public TokenCursor reset(CharSequence text) {
        CharSequence source = text == null ? "" : text;
        int n = source.length();
        if (n > this.text.length) {
            this.text = new char[Math.max(n, this.text.length * 2)];
        }
        if (source instanceof String s) {
            s.getChars(0, n, this.text, 0);
        } else {
            for (int i = 0; i < n; i++) {
                this.text[i] = source.charAt(i);
            }
        }
        this.length = n;
        this.scan = 0;
        this.position = -1;
        this.termLength = 0;
        this.type = null;
        return this;
    }

    /** Advances to the next token; returns {@code false} at the end of the text. */
    public boolean next() {
        char[] t = text;
        while (scan < length) {
            char c = t[scan];
            if (c < 128) {
                if (isAsciiWordChar(c)) {
                    if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && urlAhead(scan)) {
                        scanUrl();
                    } else {
                        scanWord(scan, 0, TokenType.WORD);
                    }
                    return emit();
                }
                if ((c == '#' || c == '@') && scan + 1 < length && isWordStart(scan + 1) && !wordCharBefore(scan)) {
                    term[0] = c;
                    scanWord(scan + 1, 1, c == '#' ? TokenType.HASHTAG : TokenType.MENTION);
                    return emit();
                }
                scan++;
                continue;
            }
            int cp = Character.codePointAt(t, scan, length);
            if (Character.isLetterOrDigit(cp)) {
                scanWord(scan, 0, TokenType.WORD);
                return emit();
            }
            if (isEmoji(cp)) {
                scanEmoji(cp);
                return emit();
            }
            scan += Character.charCount(cp);
        }
        return false;
    }

    private boolean emit() {
        position++;
        return true;
    }

    /** Normalised term chars; valid until the next call to {@link #next()}. */
    public char[] termBuffer() {
        return term;
    }

    /** Number of valid chars in {@link #termBuffer()}. */
    public int termLength() {
        return termLength;
    }

    /** The normalised term as a new string. */
    public String term() {
        return new String(term, 0, termLength);
    }

    public TokenType type() {
        return type;
    }

    /** Offset of the token's first char in the text. */
    public int start() {
        return start;
    }

    /** Offset after the token's last char in the text. */
    public int end() {
        return end;
    }

    /** Position of the token (0-based). */
    public int position() {
        return position;
    }

    // ---------------------------------------------------------------------------------------------

    private static char[] asciiFold() {
        char[] fold = new char[128];
        for (char c = 0; c < 128; c++) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                fold[c] = c;
            } else if (c >= 'A' && c <= 'Z') {
                fold[c] = (char) (c + 32);
            }
        }
        return fold;
    }

    /** The polynomial hash used by the term dictionary: {@code h = 31 * h + c} over the chars. */
    public static int hashOf(char[] chars, int off, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + chars[off + i];
        }
        return h;
    }

    /** {@link #hashOf} of the first {@code length} chars of the current term (0 ≤ length ≤ termLength). */
    public int prefixHash(int length) {
        return hashes[length];
    }

    /** The prefix hash array itself (read-only for callers in this package). */
    int[] hashArray() {
        return hashes;
    }

    private void rehash(int from) {
        for (int k = from; k < termLength; k++) {
            hashes[k + 1] = 31 * hashes[k] + term[k];
        }
    }

    private static boolean isAsciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isWordChar(int cp) {
        return cp < 128 ? isAsciiWordChar((char) cp) : Character.isLetterOrDigit(cp);
    }

    private boolean isWordStart(int i) {
        return isWordChar(Character.codePointAt(text, i, length));
    }

    private boolean wordCharBefore(int i) {
        return i > 0 && isWordChar(Character.codePointBefore(text, i, 0));
    }

    private boolean urlAhead(int i) {
        if (wordCharBefore(i)) {
            return false;
        }
        return regionIgnoreCase(i, "http://") || regionIgnoreCase(i, "https://") || regionIgnoreCase(i, "www.");
    }

    private boolean regionIgnoreCase(int i, String prefix) {
        int n = prefix.length();
        if (i + n > length) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (Character.toLowerCase(text[i + k]) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Scans letters/digits (and {@code _} for tags) from {@code from}, appending folded chars to the term buffer
     * after {@code prefixLength} chars already there.
     */
    private void scanWord(int from, int prefixLength, TokenType tokenType) {
        boolean tag = prefixLength > 0;
        start = from - prefixLength;
        int n = prefixLength;
        char last = 0;
        int run = 0;
        int i = from;
        char[] t = text;
        char[] out = term;
        int[] h = hashes;
        h[0] = 0;
        if (prefixLength == 1) {
            h[1] = out[0];
        }
        int limit = length;
        while (i < limit) {
            char c = t[i];
            char f;
            if (c < 128) {
                f = ASCII_FOLD[c];
                if (f != 0) {
                    // fast path below
                } else if (tag && c == '_') {
                    f = c;
                } else {
                    break;
                }
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.codePointAt(t, i, length);
                if (!Character.isLetterOrDigit(cp)) {
                    break;
                }
                // supplementary letters (rare): keep both chars lower-cased, no squeezing
                int lower = Character.toLowerCase(cp);
                if (n + 2 <= MAX_TERM_CHARS) {
                    int added = Character.toChars(lower, out, n);
                    for (int k = n; k < n + added; k++) {
                        h[k + 1] = 31 * h[k] + out[k];
                    }
                    n += added;
                }
                last = 0;
                run = 0;
                i += 2;
                continue;
            } else {
                int charType = Character.getType(c);
                if (charType == Character.NON_SPACING_MARK || charType == Character.ENCLOSING_MARK) {
                    i++; // accents written as combining marks are folded away
                    continue;
                }
                if (!Character.isLetterOrDigit(c)) {
                    break;
                }
                f = Folding.fold(c);
            }
            i++;
            if (f == last && Character.isLetter(f)) {
                run++;
                if (run == 3) {
                    n--; // squeeze: "ooo" -> "o"
                }
                if (run >= 3) {
                    continue;
                }
            } else {
                last = f;
                run = 1;
            }
            if (n < MAX_TERM_CHARS) {
                h[n + 1] = 31 * h[n] + f;
                out[n++] = f;
            }
        }
        termLength = n;
        end = i;
        scan = i;
        type = tokenType;
    }

    private void scanUrl() {
        start = scan;
        int i = scan;
        char[] t = text;
        while (i < length && !Character.isWhitespace(t[i])) {
            i++;
        }
        int e = i;
        while (e > start && isTrailingPunctuation(t[e - 1])) {
            e--;
        }
        int n = 0;
        for (int k = start; k < e && n < MAX_TERM_CHARS; k++) {
            term[n++] = Folding.fold(t[k]);
        }
        termLength = n;
        rehash(0);
        end = e;
        scan = i;
        type = TokenType.URL;
    }

    private static boolean isTrailingPunctuation(char c) {
        return switch (c) {
            case '.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\'', '»', '”', '’', '…' -> true;
            default -> false;
        };
    }

    static boolean isEmoji(int cp) {
        if (cp >= 0x1F3FB && cp <= 0x1F3FF) {
            return false; // skin-tone modifiers
        }
        return Character.getType(cp) == Character.OTHER_SYMBOL;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private void scanEmoji(int cp) {
        start = scan;
        int n = Character.toChars(cp, term, 0);
        int i = scan + Character.charCount(cp);
        if (isRegionalIndicator(cp) && i < length) {
            int second = Character.codePointAt(text, i, length);
            if (isRegionalIndicator(second)) {
                n += Character.toChars(second, term, n);
                i += Character.charCount(second);
            }
        }
        termLength = n;
        rehash(0);
        end = i;
        scan = i;
        type = TokenType.EMOJI;
    }
}
