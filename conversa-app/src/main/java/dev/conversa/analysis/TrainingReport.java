package dev.conversa.analysis;

import java.time.Instant;
import java.util.Map;

/**
 * What one training run produced: the new model's macro-F1 on the held-out part against the model in use on the
 * same part, whether the workspace switched to it (only for the languages where it is better on macro-F1 and
 * negative recall beyond noise) and, per language, why ({@code decision}: figures with their bootstrap intervals).
 */
public record TrainingReport(long modelId, int examples, Map<String, Integer> examplesPerLanguage, double heldOutMacroF1,
                             double currentMacroF1, double heldOutNegativeRecall, boolean adopted, String decision,
                             long trainingMillis, Instant createdAt) {
}
