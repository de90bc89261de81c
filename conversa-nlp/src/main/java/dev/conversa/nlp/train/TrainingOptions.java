package dev.conversa.nlp.train;

/**
 * Settings of {@link SentimentTrainer}. {@link #defaults()} is what the product uses.
 *
 * @param heldOutFraction        part of every language's data kept out of training to compare the new model
 *                               with the current one
 * @param calibrationFolds       folds of the training part whose out-of-fold predictions choose the weight of
 *                               the lexicon and the decision bias toward "negative" (0: no calibration)
 * @param minNegativeRecall      the decision bias toward "negative" is raised until the out-of-fold
 *                               predictions reach this negative recall (complaints must not be missed); 0 disables
 * @param epochs                 passes of AdaGrad over the training part
 * @param hashBits               log2 of the number of hashed feature buckets
 * @param learningRate           AdaGrad base learning rate
 * @param l2                     L2 regularisation per update
 * @param minExamplesPerLanguage languages with fewer examples get no model of their own (the current analyzer
 *                               keeps handling them)
 * @param seed                   seed of the shuffles and splits (training is deterministic for a given seed)
 */
public record TrainingOptions(double heldOutFraction, int calibrationFolds, double minNegativeRecall,
                              int epochs, int hashBits, double learningRate, double l2,
                              int minExamplesPerLanguage, long seed) {

    public TrainingOptions {
        if (heldOutFraction <= 0 || heldOutFraction >= 0.5) {
            throw new IllegalArgumentException("heldOutFraction must be in (0, 0.5)");
        }
        if (calibrationFolds == 1 || calibrationFolds < 0 || calibrationFolds > 10) {
            throw new IllegalArgumentException("calibrationFolds must be 0 or 2..10");
        }
        if (hashBits < 10 || hashBits > 24) throw new IllegalArgumentException("hashBits must be in 10..24");
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1");
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(0.1, 3, 0.85, 6, 20, 0.1, 1e-6, 100, 42L);
    }

    public TrainingOptions withMinNegativeRecall(double r) {
        return new TrainingOptions(heldOutFraction, calibrationFolds, r, epochs, hashBits, learningRate, l2,
                minExamplesPerLanguage, seed);
    }

    public TrainingOptions withEpochs(int e) {
        return new TrainingOptions(heldOutFraction, calibrationFolds, minNegativeRecall, e, hashBits, learningRate,
                l2, minExamplesPerLanguage, seed);
    }

    public TrainingOptions withHashBits(int b) {
        return new TrainingOptions(heldOutFraction, calibrationFolds, minNegativeRecall, epochs, b, learningRate,
                l2, minExamplesPerLanguage, seed);
    }

    public TrainingOptions withLearningRate(double lr) {
        return new TrainingOptions(heldOutFraction, calibrationFolds, minNegativeRecall, epochs, hashBits, lr,
                l2, minExamplesPerLanguage, seed);
    }

    public TrainingOptions withHeldOut(double heldOut) {
        return new TrainingOptions(heldOut, calibrationFolds, minNegativeRecall, epochs, hashBits, learningRate,
                l2, minExamplesPerLanguage, seed);
    }
}
