package dev.conversa.nlp.train;

/** Multinomial logistic regression over {@link FeatureExtractor} vectors, for one language. */
final class LinearModel {

    final int bits;
    final int minGram;
    final int maxGram;
    final float[][] weights; // [class][feature]
    final float[] bias = new float[3];
    float negativeBias;
    /** Weight of the rule-based lexicon's logits added to the model's logits (chosen on the calibration part). */
    float lexiconWeight;

    LinearModel(int bits, int minGram, int maxGram) {
        this.bits = bits;
        this.minGram = minGram;
        this.maxGram = maxGram;
        int dim = (1 << bits) + FeatureExtractor.DENSE;
        this.weights = new float[3][dim];
    }

    /** Logits without the negative bias. */
    void logits(FeatureExtractor.Vec v, double[] out) {
        for (int c = 0; c < 3; c++) {
            float[] w = weights[c];
            double z = bias[c];
            for (int k = 0; k < v.size; k++) {
                z += w[v.idx[k]] * v.val[k];
            }
            out[c] = z;
        }
    }

    /** Class probabilities: model logits + lexicon logits x weight + negative bias. */
    void probabilities(FeatureExtractor.Vec v, double compound, double[] out) {
        logits(v, out);
        combine(out, compound, lexiconWeight, negativeBias);
        softmax(out);
    }

    /** Adds the lexicon's logits (those of the shipped default's neutral band) and the negative bias. */
    static void combine(double[] z, double compound, double lexiconWeight, double negativeBias) {
        if (lexiconWeight != 0) {
            z[0] += lexiconWeight * LEX_K * (-compound - LEX_NEG_T);
            z[2] += lexiconWeight * LEX_K * (compound - LEX_POS_T);
        }
        z[0] += negativeBias;
    }

    static final double LEX_K = 6.0;
    static final double LEX_POS_T = dev.conversa.nlp.lexicon.SentimentLexicons.DEFAULT_POSITIVE_THRESHOLD;
    static final double LEX_NEG_T = dev.conversa.nlp.lexicon.SentimentLexicons.DEFAULT_NEGATIVE_THRESHOLD;

    static void softmax(double[] z) {
        double max = Math.max(z[0], Math.max(z[1], z[2]));
        double s = 0;
        for (int c = 0; c < 3; c++) {
            z[c] = Math.exp(z[c] - max);
            s += z[c];
        }
        for (int c = 0; c < 3; c++) z[c] /= s;
    }
}
