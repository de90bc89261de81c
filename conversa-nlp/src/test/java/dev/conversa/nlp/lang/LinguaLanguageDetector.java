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
 * Optional prior for the workspace's usual languages on Lingua's relative confidence ({@link LanguagePrior}).
 * The test oracle of {@link NgramLanguageDetector}, which the application uses: it lives in the test sources (and
 * the test jar, for the benchmarks), so Lingua's runtime never ships. Thread-safe; build one and share it (loading
 * takes ~1.5 s and ~180 MB of heap for 7 languages).
 */
public final class LinguaLanguageDetector implements LanguageDetector {

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;
    private final LanguagePrior prior;

    /** es, en, pt, fr, it, de, ca with a prior for es and en. */
    public LinguaLanguageDetector() {
        this(NgramLanguageDetector.DEFAULT_LANGUAGES, NgramLanguageDetector.DEFAULT_PREFERRED,
                NgramLanguageDetector.DEFAULT_OTHER_PENALTY);
    }

    /**
     * @param languages   ISO 639-1 codes to tell apart (at least two)
     * @param preferred    codes that keep their confidence (empty: no prior)
     * @param otherPenalty subtracted from the relative confidence of the other languages, in [0, 0.5]
     */
    public LinguaLanguageDetector(List<String> languages, Set<String> preferred, double otherPenalty) {
        if (languages.size() < 2) throw new IllegalArgumentException("need at least two languages");
        this.prior = new LanguagePrior(preferred, otherPenalty);
        List<Language> ls = new ArrayList<>();
        for (String code : languages) {
            ls.add(Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))));
        }
        this.lingua = LanguageDetectorBuilder.fromLanguages(ls.toArray(Language[]::new))
                .withPreloadedLanguageModels().build();
    }

    @Override
    public LanguageGuess detect(String text) {
        String clean = SocialText.clean(text);
        if (clean.isEmpty()) return LanguageGuess.UNKNOWN;
        Map<Language, Double> values = lingua.computeLanguageConfidenceValues(clean);
        if (values.get(Language.UNKNOWN) != null) return LanguageGuess.UNKNOWN;
        String[] codes = new String[values.size()];
        double[] relative = new double[values.size()];
        int k = 0;
        for (Map.Entry<Language, Double> e : values.entrySet()) {
            codes[k] = e.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
            relative[k++] = e.getValue();
        }
        return prior.guess(codes, relative);
    }
}
