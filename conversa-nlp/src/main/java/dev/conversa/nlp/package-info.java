/**
 * Language identification and sentiment for short, noisy social text (plain Java, no Spring).
 *
 * <p>Entry points: {@link dev.conversa.nlp.TextAnalyzer} (language + sentiment in one call),
 * {@link dev.conversa.nlp.LanguageDetector}, {@link dev.conversa.nlp.SentimentAnalyzer},
 * {@link dev.conversa.nlp.train.SentimentTrainer} and {@link dev.conversa.nlp.train.SentimentModel}.
 */
package dev.conversa.nlp;
