package dev.conversa.nlp;

import java.util.Locale;

/** Polarity classes, in the fixed order used by scores, models and confusion matrices. */
public enum SentimentLabel {
    NEGATIVE, NEUTRAL, POSITIVE;

    private static final SentimentLabel[] VALUES = values();

    public static SentimentLabel ofIndex(int i) {
        return VALUES[i];
    }

    /** Parses {@code negative|neutral|positive} (any case; also {@code neg/neu/pos, N/NEU/P}). */
    public static SentimentLabel parse(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "negative", "neg", "n" -> NEGATIVE;
            case "neutral", "neu", "none" -> NEUTRAL;
            case "positive", "pos", "p" -> POSITIVE;
            default -> throw new IllegalArgumentException("unknown sentiment label: " + s);
        };
    }

    public String lowerCaseName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
