package dev.conversa.nlp;

/**
 * Sentiment of a text: a label, the confidence of that label, per-class scores (summing to 1) and
 * a signed polarity in [-1, 1] (positive minus negative score) usable for sorting and the "impact" KPI.
 */
public record Sentiment(SentimentLabel label, double confidence, double negative, double neutral, double positive) {

    public static final Sentiment NEUTRAL_EMPTY = new Sentiment(SentimentLabel.NEUTRAL, 1.0, 0.0, 1.0, 0.0);

    /** Builds a sentiment from per-class scores (any non-negative values; they are normalised). */
    public static Sentiment fromScores(double negative, double neutral, double positive) {
        double sum = negative + neutral + positive;
        if (!(sum > 0)) {
            return NEUTRAL_EMPTY;
        }
        double n = negative / sum, u = neutral / sum, p = positive / sum;
        SentimentLabel label = SentimentLabel.NEUTRAL;
        double best = u;
        if (n > best) {
            label = SentimentLabel.NEGATIVE;
            best = n;
        }
        if (p > best) {
            label = SentimentLabel.POSITIVE;
            best = p;
        }
        return new Sentiment(label, best, n, u, p);
    }

    public double score(SentimentLabel l) {
        return switch (l) {
            case NEGATIVE -> negative;
            case NEUTRAL -> neutral;
            case POSITIVE -> positive;
        };
    }

    public double polarity() {
        return positive - negative;
    }
}
