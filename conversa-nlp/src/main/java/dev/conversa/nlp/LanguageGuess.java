package dev.conversa.nlp;

/**
 * The language of a text: an ISO 639-1 code ({@code "es"}, {@code "en"}, ...) or {@link #UNKNOWN_CODE}
 * when the text carries no usable letters, with a confidence in [0, 1].
 */
public record LanguageGuess(String code, double confidence) {

    public static final String UNKNOWN_CODE = "und";
    public static final LanguageGuess UNKNOWN = new LanguageGuess(UNKNOWN_CODE, 0.0);

    public LanguageGuess {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0,1]: " + confidence);
        }
    }

    public boolean isKnown() {
        return !UNKNOWN_CODE.equals(code);
    }
}
