package dev.conversa.listening;

import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>About 500 lines in one file on purpose: the rules above share one single-pass scan loop, its position and its
 * lookup tables; split into classes, each rule would need that state handed to it on every char.
 */
public final class TokenCursor {

    /** Longest normalised term kept; longer tokens are truncated. */
    public static final int MAX_TERM_CHARS = 128;

    /**
     * For chars below {@link Folding#TABLE_SIZE} (Basic Latin to Latin Extended-B, where no combining marks or
     * surrogates live): the folded char if it is a letter or digit, else 0 (a separator). One load classifies and
     * folds the chars of almost every Latin-script post; other chars take the general path.
     */
    private static final char[] WORD_FOLD = wordFold();
    /** {@link #WORD_FOLD} for hashtags and mentions, which may also contain {@code _}. */
    private static final char[] TAG_FOLD = tagFold();
    /**
     * {@link #WORD_FOLD} over every char, {@link #OTHER} above the Latin table: the word loop then needs no range
     * test per char (a char indexes it without a bounds check).
     */
    private static final char[] LATIN_WORD = latinWord();
    private static final char OTHER = '\uFFFF';
    /** {@code 31^k}, to derive the hash of a tag's bare word from the tag's hash. */
    private static final int[] POW31 = powersOf31();

    private final char[] term = new char[MAX_TERM_CHARS];
    /** {@link #hashOf} of the current term, computed while scanning it. */
    private int termHash;
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

    /**
     * Advances to the next token; returns {@code false} at the end of the text. Only the common cases (plain words
     * of the Latin table, ASCII separators) are handled here, with no call inside the loop, keeping this method
     * small enough for the JIT to inline into callers; anything else goes to {@link #nextRare}.
     */
    public boolean next() {
        char[] t = text;
        char[] fold = LATIN_WORD;
        int i = scan;
        int n = length;
        while (i < n) {
            char c = t[i];
            char f = fold[c];
            if (f == 0) { // a separator of the Latin table
                if (c < 128 && c != '#' && c != '@') {
                    i++;
                    continue;
                }
                break;
            }
            if (f == OTHER) {
                break; // outside the Latin table
            }
            // a word of the Latin table: folded and hashed right here while it is plain
            int stop = Math.min(n, i + MAX_TERM_CHARS - 2);
            char[] out = term;
            int h = 0;
            char last = 0;
            char beforeLast = 0;
            int k = i;
            for (; k < stop; k++) {
                char g = fold[t[k]];
                if (g == 0) {
                    break;
                }
                if ((((g ^ last) | (g ^ beforeLast)) == 0) | g == OTHER) {
                    k = -1; // a run of three (maybe an elongation to squeeze), or a char outside the table
                    break;
                }
                beforeLast = last;
                last = g;
                h = 31 * h + g;
                out[k - i] = g;
            }
            if (k < 0 || (k == stop && k != n)) {
                break;
            }
            // "http://", "https://" and "www." scan as a word ended by ':' or '.'
            char after = k < n ? t[k] : ' ';
            if ((after == ':' || after == '.') && ((c | 0x20) == 'h' || (c | 0x20) == 'w')) {
                break;
            }
            word(i, k, h);
            return emit();
        }
        if (i >= n) {
            scan = n;
            return false;
        }
        return nextRare(i);
    }

    /**
     * {@link #next()} from a char its loop leaves alone: {@code #}, {@code @}, a char outside the Latin table, a word
     * that may be a URL or needs squeezing or truncating. Out of line: with no call inside its loop, {@link #next()}
     * keeps its state in registers (calls on its rare paths made the JIT keep it on the stack, ~15 % slower).
     */
    private boolean nextRare(int i) {
        int n = length;
        while (i < n) {
            char c = text[i];
            if (c < WORD_FOLD.length && WORD_FOLD[c] != 0) {
                if (((c | 0x20) == 'h' || (c | 0x20) == 'w') && urlAhead(i)) {
                    scan = i;
                    scanUrl();
                } else {
                    scanWord(i, 0, TokenType.WORD); // a word next() gave up on, or one such as "hola." (maybe "http:")
                }
                return emit();
            }
            if (c < 128 && c != '#' && c != '@') {
                i++;
                continue;
            }
            int resume = scanOther(i);
            if (resume < 0) {
                return emit();
            }
            i = resume;
        }
        scan = i;
        return false;
    }

    /**
     * The rarer token starts at {@code i}: {@code #} or {@code @} (a hashtag or mention, if a word follows), a letter
     * outside the Latin table, an emoji. Returns -1 if a token was scanned, else the index to continue from.
     */
    private int scanOther(int i) {
        char c = text[i];
        if (c == '#' || c == '@') {
            if (i + 1 < length && isWordStart(i + 1) && !wordCharBefore(i)) {
                term[0] = c;
                scanWord(i + 1, 1, c == '#' ? TokenType.HASHTAG : TokenType.MENTION);
                return -1;
            }
            return i + 1;
        }
        int cp = Character.codePointAt(text, i, length);
        if (Character.isLetterOrDigit(cp)) {
            scanWord(i, 0, TokenType.WORD);
            return -1;
        }
        if (isEmoji(cp)) {
            scan = i;
            scanEmoji(cp);
            return -1;
        }
        return i + Character.charCount(cp);
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

    /** {@link #hashOf} of the whole current term. */
    int hash() {
        return termHash;
    }

    /** {@link #hashOf} of the bare word of a hashtag or mention (the term without its sigil). */
    int bareHash() {
        return termHash - term[0] * POW31[termLength - 1];
    }

    // ---------------------------------------------------------------------------------------------

    private static char[] wordFold() {
        char[] fold = new char[Folding.TABLE_SIZE];
        for (char c = 0; c < fold.length; c++) {
            if (Character.isLetterOrDigit(c)) {
                fold[c] = Folding.fold(c);
            }
        }
        return fold;
    }

    private static char[] latinWord() {
        char[] table = new char[Character.MAX_VALUE + 1];
        Arrays.fill(table, OTHER);
        System.arraycopy(WORD_FOLD, 0, table, 0, WORD_FOLD.length);
        return table;
    }

    private static char[] tagFold() {
        char[] fold = wordFold();
        fold['_'] = '_';
        return fold;
    }

    private static int[] powersOf31() {
        int[] pow = new int[MAX_TERM_CHARS + 1];
        pow[0] = 1;
        for (int k = 1; k < pow.length; k++) {
            pow[k] = 31 * pow[k - 1];
        }
        return pow;
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
        return hashOf(term, 0, length);
    }

    private static boolean isWordChar(int cp) {
        return cp < WORD_FOLD.length ? WORD_FOLD[cp] != 0 : Character.isLetterOrDigit(cp);
    }

    private boolean isWordStart(int i) {
        return isWordChar(Character.codePointAt(text, i, length));
    }

    private boolean wordCharBefore(int i) {
        return i > 0 && isWordChar(Character.codePointBefore(text, i, 0));
    }

    private boolean urlAhead(int i) {
        // fast reject: "ht…" or "ww…" must follow
        if (i + 4 > length || (text[i + 1] | 0x20) != (((text[i] | 0x20) == 'h') ? 't' : 'w') || wordCharBefore(i)) {
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

    private void word(int from, int to, int hash) {
        start = from;
        termLength = to - from;
        termHash = hash;
        end = to;
        scan = to;
        type = TokenType.WORD;
    }

    /**
     * Scans letters/digits (and {@code _} for tags) from {@code from}, appending folded chars to the term buffer
     * after {@code prefixLength} chars already there, and hashing them as they are appended. The loop keeps as few
     * variables as possible live (the rare cases, squeezing and truncation, recompute the hash instead of tracking
     * more state), so that it runs from registers.
     */
    private void scanWord(int from, int prefixLength, TokenType tokenType) {
        start = from - prefixLength;
        char[] t = text;
        char[] out = term;
        char[] fold = prefixLength > 0 ? TAG_FOLD : WORD_FOLD;
        int n = prefixLength;
        int h = prefixLength == 1 ? out[0] : 0;
        char last = 0;
        int run = 0;
        int i = from;
        int limit = length;
        while (i < limit) {
            char c = t[i];
            char f;
            if (c < fold.length) {
                f = fold[c];
                if (f == 0) {
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
                        h = 31 * h + out[k];
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
            // run = length of the run of equal chars ending here, computed without a branch: repeated letters
            // ("ll", "ee") are too frequent and too irregular for a branch on f == last to predict well
            int same = ((f ^ last) - 1) >>> 31; // 1 if f == last, else 0
            run = (run & -same) + 1;
            last = f;
            if (run >= 3 && Character.isLetter(f)) { // an elongation (digits are kept: "1000")
                if (run == 3) {
                    n--; // squeeze: "ooo" -> "o"
                    h = hashOf(out, 0, n);
                }
                continue;
            }
            if (n < MAX_TERM_CHARS) {
                h = 31 * h + f;
                out[n++] = f;
            }
        }
        termLength = n;
        // once chars were dropped at MAX_TERM_CHARS (after which n stays >= MAX_TERM_CHARS - 1), h missed them
        termHash = n >= MAX_TERM_CHARS - 1 ? hashOf(out, 0, n) : h;
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
        termHash = hashOf(term, 0, n);
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
        termHash = hashOf(term, 0, n);
        end = i;
        scan = i;
        type = TokenType.EMOJI;
    }
}
