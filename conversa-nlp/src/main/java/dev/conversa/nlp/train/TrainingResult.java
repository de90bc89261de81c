package dev.conversa.nlp.train;

import dev.conversa.nlp.eval.Metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Outcome of a training run.
 *
 * @param model               the new model (store it only if {@code adopted})
 * @param heldOutMetrics      the new model on the held-out part
 * @param baselineMetrics     the current analyzer (shipped default or the workspace's previous model) on the
 *                            same held-out part
 * @param adopted             true when at least one language's new model passed the {@link AdoptionGate}; the model
 *                            holds only those languages and leaves the others to the current analyzer
 * @param examplesPerLanguage examples used per language (all parts)
 * @param decisions           per language that had enough examples: the comparison and why it was adopted or not
 * @param elapsed             wall time of the training run
 */
public record TrainingResult(SentimentModel model, Metrics heldOutMetrics, Metrics baselineMetrics, boolean adopted,
                             Map<String, Integer> examplesPerLanguage, List<AdoptionGate.Decision> decisions,
                             Duration elapsed) {
    public TrainingResult {
        decisions = List.copyOf(decisions);
    }

    /** Every language's decision in words, one per line. */
    public String reasons() {
        if (decisions.isEmpty()) return "no language had enough examples to train a model";
        StringBuilder b = new StringBuilder();
        for (AdoptionGate.Decision d : decisions) b.append(b.isEmpty() ? "" : "\n").append(d.reason());
        return b.toString();
    }
}
