package dev.conversa.nlp.lang;

import dev.conversa.nlp.LanguageGuess;

import java.util.Set;

/**
 * The prior for a workspace's usual languages, shared by the detectors: every other language's relative confidence
 * (1.0 for the best language, e.g. 0.6-0.9 for the others) is lowered by {@code otherPenalty}, so that a short,
 * ambiguous "@Iberia Atrasados" is not taken for Portuguese while a real Portuguese sentence still is. The returned
 * confidence is a softmax of those values.
 */
final class LanguagePrior {
    private static final double SOFTMAX_SCALE = 20.0;

    private final Set<String> preferred;
    private final double otherPenalty;

    /**
     * @param preferred    codes that keep their confidence (empty: no prior)
     * @param otherPenalty subtracted from the relative confidence of the other languages, in [0, 0.5]
     */
    LanguagePrior(Set<String> preferred, double otherPenalty) {
        if (!(otherPenalty >= 0 && otherPenalty <= 0.5)) throw new IllegalArgumentException("otherPenalty in [0,0.5]");
        this.preferred = Set.copyOf(preferred);
        this.otherPenalty = otherPenalty;
    }

    /**
     * The best language after the prior. {@code relative[i]} is the relative confidence of {@code codes[i]}, 0 for a
     * language out of the running; on a tie the first wins.
     */
    LanguageGuess guess(String[] codes, double[] relative) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < codes.length; l++) {
            if (relative[l] == 0) continue;
            double v = prior(codes[l], relative[l]);
            if (v > bestValue) {
                bestValue = v;
                best = l;
            }
        }
        if (best < 0) return LanguageGuess.UNKNOWN;
        double sum = 0;
        for (int l = 0; l < codes.length; l++) {
            if (relative[l] != 0) sum += Math.exp(SOFTMAX_SCALE * (prior(codes[l], relative[l]) - bestValue));
        }
        return new LanguageGuess(codes[best], Math.min(1.0, 1.0 / sum));
    }

    private double prior(String code, double relative) {
        return relative - (preferred.isEmpty() || preferred.contains(code) ? 0.0 : otherPenalty);
    }
}
