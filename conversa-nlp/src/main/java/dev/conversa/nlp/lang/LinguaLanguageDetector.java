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
 * Optional prior: the workspace's usual languages ({@code preferred}) keep their confidence while the others
 * are multiplied by {@code otherWeight}, so that a short, ambiguous "@Iberia Atrasados" is not taken for
 * Portuguese. Thread-safe; build one and share it (loading takes ~1.5 s and ~180 MB of heap for 7 languages).
 */
public final class LinguaLanguageDetector implements LanguageDetector {

    /** es, en, pt, fr, it, de, ca. */
    public static final List<String> DEFAULT_LANGUAGES = List.of("es", "en", "pt", "fr", "it", "de", "ca");
    public static final Set<String> DEFAULT_PREFERRED = Set.of("es", "en");
    public static final double DEFAULT_OTHER_WEIGHT = 0.5;

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;
    private final Set<String> preferred;
    private final double otherWeight;

    /** es, en, pt, fr, it, de, ca with a prior for es and en. */
    public LinguaLanguageDetector() {
        this(DEFAULT_LANGUAGES, DEFAULT_PREFERRED, DEFAULT_OTHER_WEIGHT);
    }

    /**
     * @param languages   ISO 639-1 codes to tell apart (at least two)
     * @param preferred   codes that keep full weight (empty: no prior)
     * @param otherWeight factor in (0, 1] applied to the confidence of the other languages
     */
    public LinguaLanguageDetector(List<String> languages, Set<String> preferred, double otherWeight) {
        if (languages.size() < 2) throw new IllegalArgumentException("need at least two languages");
        if (!(otherWeight > 0 && otherWeight <= 1)) throw new IllegalArgumentException("otherWeight in (0,1]");
        List<Language> ls = new ArrayList<>();
        for (String code : languages) {
            ls.add(Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))));
        }
        this.lingua = LanguageDetectorBuilder.fromLanguages(ls.toArray(Language[]::new))
                .withPreloadedLanguageModels().build();
        this.preferred = Set.copyOf(preferred);
        this.otherWeight = otherWeight;
    }

    @Override
    public LanguageGuess detect(String text) {
        String clean = clean(text);
        if (clean.isEmpty()) return LanguageGuess.UNKNOWN;
        Map<Language, Double> values = lingua.computeLanguageConfidenceValues(clean);
        String best = null;
        double bestValue = 0, sum = 0;
        for (Map.Entry<Language, Double> e : values.entrySet()) {
            String code = e.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
            double v = e.getValue() * (preferred.isEmpty() || preferred.contains(code) ? 1.0 : otherWeight);
            sum += v;
            if (v > bestValue) {
                bestValue = v;
                best = code;
            }
        }
        if (best == null || sum <= 0) return LanguageGuess.UNKNOWN;
        return new LanguageGuess(best, Math.min(1.0, bestValue / sum));
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
