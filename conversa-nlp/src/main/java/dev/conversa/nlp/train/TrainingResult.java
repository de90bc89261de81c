package dev.conversa.nlp.train;

import dev.conversa.nlp.eval.Metrics;

import java.time.Duration;
import java.util.Map;

/**
 * Outcome of a training run.
 *
 * @param model               the new model (store it only if {@code adopted})
 * @param heldOutMetrics      the new model on the held-out part
 * @param baselineMetrics     the current analyzer (shipped default or the workspace's previous model) on the
 *                            same held-out part
 * @param adopted             true when the new model's macro-F1 on the held-out part is higher
 * @param examplesPerLanguage examples used per language (all parts)
 * @param elapsed             wall time of the training run
 */
public record TrainingResult(SentimentModel model, Metrics heldOutMetrics, Metrics baselineMetrics, boolean adopted,
                             Map<String, Integer> examplesPerLanguage, Duration elapsed) {
}
