package dev.conversa.nlp;

/** Identifies the language of a short text. Implementations are thread-safe. */
public interface LanguageDetector {

    /** Never null; {@link LanguageGuess#UNKNOWN} for null, empty or letter-less text. */
    LanguageGuess detect(String text);
}
