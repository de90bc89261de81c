package dev.conversa.nlp;

import dev.conversa.nlp.lang.NgramLanguageDetector;
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

    /**
     * Language among es, en, pt, fr, it, de, ca (Lingua's n-gram models, prior for es/en; see
     * {@link NgramLanguageDetector}) and the shipped default sentiment analyzer.
     */
    public static TextAnalyzer createDefault() {
        return new TextAnalyzer(new NgramLanguageDetector(), SentimentLexicons.shippedDefault());
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
