package dev.conversa.analysis;

import java.time.Instant;
import java.util.Map;

/**
 * What one training run produced: the new model's macro-F1 on the held-out part against the model in use on the
 * same part, and whether the workspace switched to it (only when it is better).
 */
public record TrainingReport(long modelId, int examples, Map<String, Integer> examplesPerLanguage, double heldOutMacroF1,
                             double currentMacroF1, double heldOutNegativeRecall, boolean adopted, long trainingMillis,
                             Instant createdAt) {
}
