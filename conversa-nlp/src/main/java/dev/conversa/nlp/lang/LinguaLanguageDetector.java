package dev.conversa.nlp.lang;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.conversa.nlp.LanguageDetector;
import dev.conversa.nlp.LanguageGuess;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Language identification with Lingua 1.2.2 (high-accuracy mode, models of the configured languages only,
 * preloaded), after removing what is not language in social text (URLs, @mentions, the '#' of hashtags).
 * Optional prior: Lingua's relative confidence (1.0 for the best language, e.g. 0.6-0.9 for the others) of
 * every language that is not one of the workspace's usual languages ({@code preferred}) is lowered by
 * {@code otherPenalty}, so that a short, ambiguous "@Iberia Atrasados" is not taken for Portuguese while a
 * real Portuguese sentence still is. The returned confidence is a softmax of those values. Thread-safe; build one and share it (loading takes ~1.5 s and ~180 MB of heap for 7 languages).
 */
public final class LinguaLanguageDetector implements LanguageDetector {

    /** es, en, pt, fr, it, de, ca. */
    public static final List<String> DEFAULT_LANGUAGES = List.of("es", "en", "pt", "fr", "it", "de", "ca");
    public static final Set<String> DEFAULT_PREFERRED = Set.of("es", "en");
    public static final double DEFAULT_OTHER_PENALTY = 0.05;
    private static final double SOFTMAX_SCALE = 20.0;

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;
    private final Set<String> preferred;
    private final double otherPenalty;

    /** es, en, pt, fr, it, de, ca with a prior for es and en. */
    public LinguaLanguageDetector() {
        this(DEFAULT_LANGUAGES, DEFAULT_PREFERRED, DEFAULT_OTHER_PENALTY);
    }

    /**
     * @param languages   ISO 639-1 codes to tell apart (at least two)
     * @param preferred    codes that keep their confidence (empty: no prior)
     * @param otherPenalty subtracted from the relative confidence of the other languages, in [0, 0.5]
     */
    public LinguaLanguageDetector(List<String> languages, Set<String> preferred, double otherPenalty) {
        if (languages.size() < 2) throw new IllegalArgumentException("need at least two languages");
        if (!(otherPenalty >= 0 && otherPenalty <= 0.5)) throw new IllegalArgumentException("otherPenalty in [0,0.5]");
        List<Language> ls = new ArrayList<>();
        for (String code : languages) {
            ls.add(Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))));
        }
        this.lingua = LanguageDetectorBuilder.fromLanguages(ls.toArray(Language[]::new))
                .withPreloadedLanguageModels().build();
        this.preferred = Set.copyOf(preferred);
        this.otherPenalty = otherPenalty;
    }

    @Override
    public LanguageGuess detect(String text) {
        String clean = clean(text);
        if (clean.isEmpty()) return LanguageGuess.UNKNOWN;
        Map<Language, Double> values = lingua.computeLanguageConfidenceValues(clean);
        String best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        double[] vs = new double[values.size()];
        int k = 0;
        for (Map.Entry<Language, Double> e : values.entrySet()) {
            String code = e.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
            double v = e.getValue() - (preferred.isEmpty() || preferred.contains(code) ? 0.0 : otherPenalty);
            vs[k++] = v;
            if (v > bestValue) {
                bestValue = v;
                best = code;
            }
        }
        if (best == null || values.get(Language.UNKNOWN) != null) return LanguageGuess.UNKNOWN;
        double sum = 0;
        for (double v : vs) sum += Math.exp(SOFTMAX_SCALE * (v - bestValue));
        return new LanguageGuess(best, Math.min(1.0, 1.0 / sum));
    }

    /** Drops URLs and @mentions and the '#' of hashtags; empty if no letter is left. Cuts at 2,000 chars. */
    static String clean(String text) {
        if (text == null) return "";
        int n = Math.min(text.length(), 2000);
        StringBuilder b = new StringBuilder(n);
        boolean letters = false;
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            int s = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) i++;
            if (s == i) break;
            char c = text.charAt(s);
            if (c == '@' || text.startsWith("http://", s) || text.startsWith("https://", s) || text.startsWith("www.", s)) {
                continue;
            }
            if (c == '#') s++;
            if (b.length() > 0) b.append(' ');
            for (int k = s; k < i; k++) {
                char ch = text.charAt(k);
                if (Character.isLetter(ch)) letters = true;
                b.append(ch);
            }
        }
        return letters ? b.toString() : "";
    }
}
