package dev.conversa.nlp;

/** What gets stored with every inbound message and mention. */
public record TextAnalysis(LanguageGuess language, Sentiment sentiment) {
}
