package dev.conversa.nlp.eval;

import dev.conversa.nlp.SentimentAnalyzer;
import dev.conversa.nlp.train.LabelledText;

import java.util.List;
import java.util.function.Function;

/** Runs an analyzer over labelled texts and collects {@link Metrics}. */
public final class Evaluator {

    private Evaluator() {
    }

    /** Uses each text's own language (null if unset). */
    public static Metrics evaluate(SentimentAnalyzer analyzer, List<LabelledText> data) {
        return evaluate(analyzer, data, LabelledText::language);
    }

    public static Metrics evaluate(SentimentAnalyzer analyzer, List<LabelledText> data,
                                   Function<LabelledText, String> language) {
        Metrics m = new Metrics();
        for (LabelledText t : data) {
            m.add(t.label(), analyzer.analyze(t.text(), language.apply(t)).label());
        }
        return m;
    }
}
