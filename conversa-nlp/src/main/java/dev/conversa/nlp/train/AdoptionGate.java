package dev.conversa.nlp.train;

import dev.conversa.nlp.SentimentLabel;
import dev.conversa.nlp.eval.Metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Decides whether a candidate model replaces the current one for a language, on that language's held-out texts:
 * only when it is better on macro-F1 <em>and</em> on negative recall (the complaints a contact center must not miss)
 * beyond noise. Noise is measured by a paired bootstrap: the held-out texts are resampled with replacement
 * {@value #RESAMPLES} times, both models scored on each resample, and the 95 % interval of each difference
 * (candidate − current, 2.5th to 97.5th percentile) must lie above zero.
 */
public final class AdoptionGate {
    static final int RESAMPLES = 1000;

    private AdoptionGate() {
    }

    /** A difference between the two models and its 95 % bootstrap interval. */
    public record Difference(double value, double low, double high) {
        boolean better() {
            return low > 0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]", value, low, high);
        }
    }

    /** The comparison on one language's held-out texts, and the decision with its reason. */
    public record Decision(String language, int heldOut, Difference macroF1, Difference negativeRecall, boolean adopt) {
        /** In words, for the training report. */
        public String reason() {
            String figures = String.format(Locale.ROOT, "macro-F1 %s, negative recall %s on %,d held-out texts "
                    + "(candidate − current, 95 %% bootstrap interval)", macroF1, negativeRecall, heldOut);
            if (adopt) return language + ": adopted: better on both beyond noise; " + figures;
            String why = !macroF1.better() && !negativeRecall.better() ? "neither macro-F1 nor negative recall is"
                    : !macroF1.better() ? "macro-F1 is not" : "negative recall is not";
            return language + ": kept the current model: " + why + " better beyond noise; " + figures;
        }
    }

    /**
     * @param gold      the held-out labels
     * @param candidate the candidate's predictions, in the same order
     * @param current   the current model's predictions, in the same order
     * @param seed      seed of the resampling (the decision is deterministic for a given seed)
     */
    public static Decision decide(String language, List<SentimentLabel> gold, List<SentimentLabel> candidate,
                                  List<SentimentLabel> current, long seed) {
        int n = gold.size();
        if (candidate.size() != n || current.size() != n) {
            throw new IllegalArgumentException("gold and predictions differ in length");
        }
        if (n == 0) {
            Difference none = new Difference(0, 0, 0);
            return new Decision(language, 0, none, none, false);
        }
        int[] g = ordinals(gold), a = ordinals(candidate), b = ordinals(current);
        double[] f1 = new double[RESAMPLES], neg = new double[RESAMPLES];
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] pick = new int[n];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < n; i++) pick[i] = rnd.nextInt(n);
            Metrics ma = metrics(g, a, pick), mb = metrics(g, b, pick);
            f1[r] = ma.macroF1() - mb.macroF1();
            neg[r] = ma.recall(SentimentLabel.NEGATIVE) - mb.recall(SentimentLabel.NEGATIVE);
        }
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        Metrics ma = metrics(g, a, all), mb = metrics(g, b, all);
        Difference dF1 = interval(ma.macroF1() - mb.macroF1(), f1);
        Difference dNeg = interval(ma.recall(SentimentLabel.NEGATIVE) - mb.recall(SentimentLabel.NEGATIVE), neg);
        return new Decision(language, n, dF1, dNeg, dF1.better() && dNeg.better());
    }

    private static Difference interval(double value, double[] samples) {
        double[] s = samples.clone();
        Arrays.sort(s);
        return new Difference(value, s[(int) Math.floor(0.025 * (s.length - 1))], s[(int) Math.ceil(0.975 * (s.length - 1))]);
    }

    private static Metrics metrics(int[] gold, int[] predicted, int[] pick) {
        Metrics m = new Metrics();
        SentimentLabel[] labels = SentimentLabel.values();
        for (int i : pick) m.add(labels[gold[i]], labels[predicted[i]]);
        return m;
    }

    private static int[] ordinals(List<SentimentLabel> labels) {
        int[] o = new int[labels.size()];
        for (int i = 0; i < o.length; i++) o[i] = labels.get(i).ordinal();
        return o;
    }
}
