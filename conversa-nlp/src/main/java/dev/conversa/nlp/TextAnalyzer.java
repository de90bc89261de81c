package dev.conversa.nlp;

import dev.conversa.nlp.lang.LinguaLanguageDetector;
import dev.conversa.nlp.lexicon.SentimentLexicons;

import java.util.Objects;

/**
 * The facade the listening and conversation modules call for every inbound message and mention:
 * language, then sentiment in that language. Thread-safe.
 *
 * <pre>{@code
 * TextAnalyzer analyzer = TextAnalyzer.createDefault();          // once per application
 * TextAnalysis a = analyzer.analyze("No me gusta nada, sigo esperando mi maleta");
 * a.language().code();   // "es"
 * a.sentiment().label(); // NEGATIVE
 * // a workspace with its own trained model:
 * TextAnalyzer ws = analyzer.withSentiment(SentimentModel.read(bytes));
 * }</pre>
 */
public final class TextAnalyzer {

    private final LanguageDetector languageDetector;
    private final SentimentAnalyzer sentimentAnalyzer;

    public TextAnalyzer(LanguageDetector languageDetector, SentimentAnalyzer sentimentAnalyzer) {
        this.languageDetector = Objects.requireNonNull(languageDetector);
        this.sentimentAnalyzer = Objects.requireNonNull(sentimentAnalyzer);
    }

    /** Lingua for es, en, pt, fr, it, de, ca (prior for es/en) and the shipped default sentiment analyzer. */
    public static TextAnalyzer createDefault() {
        return new TextAnalyzer(new LinguaLanguageDetector(), SentimentLexicons.shippedDefault());
    }

    /** Same language detector, another sentiment analyzer (e.g. a workspace's trained model). */
    public TextAnalyzer withSentiment(SentimentAnalyzer analyzer) {
        return new TextAnalyzer(languageDetector, analyzer);
    }

    public TextAnalysis analyze(String text) {
        LanguageGuess lang = languageDetector.detect(text);
        return new TextAnalysis(lang, sentimentAnalyzer.analyze(text, lang.isKnown() ? lang.code() : null));
    }

    public LanguageDetector languageDetector() {
        return languageDetector;
    }

    public SentimentAnalyzer sentimentAnalyzer() {
        return sentimentAnalyzer;
    }
}
