package dev.conversa.nlp;

/** Classifies a text as negative, neutral or positive. Implementations are thread-safe. */
public interface SentimentAnalyzer {

    /**
     * @param text     any text (null and empty give a neutral result)
     * @param language ISO 639-1 code of the text ("es", "en", ...) or null when unknown
     */
    Sentiment analyze(String text, String language);
}
