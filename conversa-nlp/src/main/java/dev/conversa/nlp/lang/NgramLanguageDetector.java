package dev.conversa.nlp.lang;

import dev.conversa.nlp.LanguageDetector;
import dev.conversa.nlp.LanguageGuess;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Language identification by character n-grams, scored the way Lingua's high-accuracy mode scores them, over
 * Lingua's published models (the files of {@link #DEFAULT_LANGUAGES}, copied from Lingua's jar at build time, see
 * {@link NgramTable}), in one thread and with no allocation per
 * n-gram: ~20x faster than Lingua 1.2.2 itself, which looks up every n-gram as a String in one map per language and
 * order and fans each text out to the common pool, and ~6x smaller in memory.
 *
 * <p>The score of a language is the sum over the text's distinct 1- to 5-grams (only trigrams from 120 characters
 * on) of the log-probability of the n-gram, or of its longest known prefix, divided by the number of the text's
 * distinct letters the language knows; relative confidence is the best score over each language's (1.0 for the
 * best). The same social-text clean-up ({@link SocialText}) and prior ({@link LanguagePrior}) as
 * Lingua itself (the test oracle) come on top.
 * Thread-safe; build one and share it (loading takes ~1 s and ~31 MB for the seven default languages).
 */
public final class NgramLanguageDetector implements LanguageDetector {
    /** es, en, pt, fr, it, de, ca: the languages whose models ship in this jar (see the pom). */
    public static final List<String> DEFAULT_LANGUAGES = List.of("es", "en", "pt", "fr", "it", "de", "ca");
    public static final Set<String> DEFAULT_PREFERRED = Set.of("es", "en");
    public static final double DEFAULT_OTHER_PENALTY = 0.05;
    private static final int LONG_TEXT = 120;

    private final String[] codes;
    private final LanguagePrior prior;
    private final NgramTable table;

    /** es, en, pt, fr, it, de, ca with a prior for es and en. */
    public NgramLanguageDetector() {
        this(DEFAULT_LANGUAGES, DEFAULT_PREFERRED, DEFAULT_OTHER_PENALTY);
    }

    /**
     * @param languages    ISO 639-1 codes to tell apart (two to 31, each with its Lingua model on the class path:
     *                     this jar has those of {@link #DEFAULT_LANGUAGES}; add Lingua's jar for the others)
     * @param preferred    codes that keep their confidence (empty: no prior)
     * @param otherPenalty subtracted from the relative confidence of the other languages, in [0, 0.5]
     */
    public NgramLanguageDetector(List<String> languages, Set<String> preferred, double otherPenalty) {
        if (languages.size() < 2 || languages.size() > 31) throw new IllegalArgumentException("need two to 31 languages");
        this.prior = new LanguagePrior(preferred, otherPenalty);
        this.codes = languages.stream().map(c -> c.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        this.table = NgramTable.load(Arrays.asList(codes));
    }

    /** Bytes held by the model table (for the memory figures in docs/language.md). */
    public long modelBytes() {
        return table.bytes();
    }

    @Override
    public LanguageGuess detect(String text) {
        String clean = normalise(SocialText.clean(text));
        if (clean.isEmpty()) return LanguageGuess.UNKNOWN;
        double[] confidence = relativeConfidence(clean);
        return confidence == null ? LanguageGuess.UNKNOWN : prior.guess(codes, confidence);
    }

    /**
     * Relative confidence per language (1.0 for the best, 0 for a language that knows none of the text's letters),
     * or null when no language knows any n-gram of it. {@code text} is normalised: lower case, letters and single
     * spaces.
     */
    double[] relativeConfidence(String text) {
        int languages = codes.length;
        double[] score = new double[languages];
        int[] lettersKnown = new int[languages];
        int len = text.length();
        int[] code = new int[len];
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            code[i] = c == ' ' ? 0 : table.code(c);
        }
        int allowed = rules(code, len);
        if (Integer.bitCount(allowed) == 1) {
            double[] only = new double[languages];
            only[Integer.numberOfTrailingZeros(allowed)] = 1.0;
            return only;
        }
        boolean longText = len >= LONG_TEXT;
        long[] seen = new long[Integer.highestOneBit(Math.max(8, len) * 2) * 2];
        for (int n = longText ? 3 : 1; n <= (longText ? 3 : NgramTable.MAX_ORDER) && n <= len; n++) {
            Arrays.fill(seen, 0);
            for (int i = 0; i + n <= len; i++) {
                long key = 0;
                boolean letters = true;
                for (int k = 0; k < n; k++) {
                    int c = code[i + k];
                    if (c == 0 || c == NgramTable.UNKNOWN_CHAR && !Character.isLetter(text.charAt(i + k))) {
                        letters = false;
                        break;
                    }
                    key |= (long) c << (8 * k);
                }
                if (!letters || !addDistinct(seen, key)) continue;
                int remaining = allowed;
                for (int m = n; m >= 1 && remaining != 0; m--) {
                    int slot = table.find(key & ((1L << (8 * m)) - 1));
                    if (slot < 0) continue;
                    for (int l = 0; l < languages; l++) {
                        if ((remaining & (1 << l)) == 0) continue;
                        int v = table.value(slot, l);
                        if (v == 0) continue;
                        score[l] -= (v - 1) / NgramTable.STEP;
                        remaining &= ~(1 << l);
                        if (n == 1) lettersKnown[l]++;
                    }
                }
            }
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < languages; l++) {
            if (lettersKnown[l] > 0) score[l] /= lettersKnown[l];
            if (score[l] < 0 && score[l] > best) best = score[l];
        }
        if (best == Double.NEGATIVE_INFINITY) return null;
        double[] confidence = new double[languages];
        for (int l = 0; l < languages; l++) {
            confidence[l] = score[l] < 0 ? best / score[l] : 0;
        }
        return confidence;
    }

    /**
     * Letters that tell languages apart, word by word (as Lingua's rules do): when most words hold a letter common in
     * one language only (ß, ã), that language is the answer; otherwise the candidates are the languages in which
     * the accented letters of at least half the words are common (ñ: Spanish or Catalan), or all of them.
     * Answers the candidate languages as a bit mask.
     */
    private int rules(int[] code, int len) {
        int languages = codes.length;
        int all = (1 << languages) - 1;
        int[] decisive = new int[languages + 1]; // per language, and (last) words that decide nothing
        int[] common = new int[languages];
        int[] inWord = new int[languages];
        int words = 0;
        for (int s = 0; s < len; ) {
            int e = s;
            while (e < len && code[e] != 0) e++;
            if (e > s) {
                words++;
                Arrays.fill(inWord, 0);
                for (int k = s; k < e; k++) {
                    int mask = table.letterLanguages(code[k]);
                    if (mask == 0) continue;
                    if (Integer.bitCount(mask) == 1) inWord[Integer.numberOfTrailingZeros(mask)]++;
                    if (mask != all && !seenBefore(code, s, k)) {
                        for (int l = 0; l < languages; l++) {
                            if ((mask & (1 << l)) != 0) common[l]++;
                        }
                    }
                }
                decisive[wordLanguage(inWord)]++;
            }
            s = e + 1;
        }
        boolean countUnknown = decisive[languages] >= 0.5 * words;
        int first = -1;
        int second = -1;
        for (int l = 0; l <= languages; l++) {
            if (decisive[l] == 0 || l == languages && !countUnknown) continue;
            if (first < 0 || decisive[l] > decisive[first]) {
                second = first;
                first = l;
            } else if (second < 0 || decisive[l] > decisive[second]) {
                second = l;
            }
        }
        if (first >= 0 && first < languages && (second < 0 || decisive[first] > decisive[second])) {
            return 1 << first;
        }
        int allowed = 0;
        for (int l = 0; l < languages; l++) {
            if (common[l] >= words / 2.0) allowed |= 1 << l;
        }
        return allowed == 0 ? all : allowed;
    }

    /** The language a word's one-language letters point to, or {@code languages} (undecided). */
    private int wordLanguage(int[] inWord) {
        int first = -1;
        int second = -1;
        for (int l = 0; l < inWord.length; l++) {
            if (inWord[l] == 0) continue;
            if (first < 0 || inWord[l] > inWord[first]) {
                second = first;
                first = l;
            } else if (second < 0 || inWord[l] > inWord[second]) {
                second = l;
            }
        }
        return first >= 0 && (second < 0 || inWord[first] > inWord[second]) ? first : inWord.length;
    }

    private static boolean seenBefore(int[] code, int from, int at) {
        for (int j = from; j < at; j++) {
            if (code[j] == code[at]) return true;
        }
        return false;
    }

    /** Adds a non-zero key to an open-addressing set; false when it was there already. */
    private static boolean addDistinct(long[] set, long key) {
        int mask = set.length - 1;
        int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
        while (set[i] != 0) {
            if (set[i] == key) return false;
            i = (i + 1) & mask;
        }
        set[i] = key;
        return true;
    }

    /** Lower case; punctuation and digits dropped; whitespace runs as one space, none at the ends. */
    static String normalise(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        boolean letters = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
                continue;
            }
            if (isPunctuationOrNumber(c)) continue;
            if (space) {
                b.append(' ');
                space = false;
            }
            char lower = Character.toLowerCase(c);
            letters |= Character.isLetter(lower);
            b.append(lower);
        }
        return letters ? b.toString() : "";
    }

    private static boolean isPunctuationOrNumber(char c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
                 Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
