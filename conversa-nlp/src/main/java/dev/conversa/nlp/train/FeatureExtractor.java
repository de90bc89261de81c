package dev.conversa.nlp.train;

import dev.conversa.nlp.lexicon.RuleBasedSentimentAnalyzer;
import dev.conversa.nlp.text.Token;
import dev.conversa.nlp.text.TokenizedText;

/**
 * Turns a tokenised text into a sparse vector: hashed word unigrams (also negation-marked within three tokens
 * after a negator), word bigrams, character 2-4-grams of each word (with boundary marks), plus a few dense
 * features from the rule-based lexicon scores. Stateless and thread-safe.
 */
final class FeatureExtractor {

    static final int DENSE = 12;
    private static final int MAX_FEATURES = 4096;

    private final int bits;
    private final int mask;
    private final int minGram;
    private final int maxGram;

    FeatureExtractor(int bits, int minGram, int maxGram) {
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.minGram = minGram;
        this.maxGram = maxGram;
    }

    int bits() {
        return bits;
    }

    /** Total dimension: hashed buckets followed by the dense lexicon features. */
    int dimension() {
        return (1 << bits) + DENSE;
    }

    /** Sparse vector: indices and values; {@code size} entries are used. */
    static final class Vec {
        int[] idx = new int[256];
        float[] val = new float[256];
        int size;

        void add(int i, float v) {
            if (size == idx.length) {
                idx = java.util.Arrays.copyOf(idx, size * 2);
                val = java.util.Arrays.copyOf(val, size * 2);
            }
            idx[size] = i;
            val[size] = v;
            size++;
        }

        Vec compact() {
            idx = java.util.Arrays.copyOf(idx, size);
            val = java.util.Arrays.copyOf(val, size);
            return this;
        }
    }

    Vec extract(TokenizedText tt, RuleBasedSentimentAnalyzer.Scores s, boolean[] negators) {
        Vec v = new Vec();
        int n = tt.size();
        int prevHash = 0x9E3779B9;
        int negLeft = 0;
        for (int i = 0; i < n && v.size < MAX_FEATURES; i++) {
            Token t = tt.get(i);
            String w = t.squeezed() != null ? t.squeezed() : t.norm();
            int h = hash(w, 0, w.length(), 0x51ED27);
            v.add(h & mask, 1f);
            if (negLeft > 0) {
                v.add(mix(h, 0x2F0A1) & mask, 1f);
                negLeft--;
            }
            if (negators[i]) negLeft = 3;
            v.add(mix(h, prevHash) & mask, 1f); // bigram with previous token (or start)
            prevHash = h;
            if (t.allCaps()) v.add(mix(0xCA95, 1) & mask, 1f);
            if (t.elongated()) v.add(mix(0xE1046, 2) & mask, 1f);
            if (t.kind() == Token.Kind.HASHTAG) v.add(mix(h, 0x4A54) & mask, 1f);
            if (t.isWordLike()) {
                charGrams(w, v);
            }
        }
        if (n > 0) v.add(mix(prevHash, 0xE0D) & mask, 1f); // last token + end
        if (tt.exclamations() > 0) v.add(mix(0x21, 3) & mask, 1f);
        if (tt.questions() > 0) v.add(mix(0x3F, 4) & mask, 1f);
        // scale hashed part to unit length (all values are 1)
        float scale = v.size == 0 ? 1f : (float) (1.0 / Math.sqrt(v.size));
        for (int k = 0; k < v.size; k++) v.val[k] = scale;
        int d = 1 << bits;
        double c = s.compound();
        v.add(d, (float) c);
        v.add(d + 1, c >= 0.35 ? 1f : 0f);
        v.add(d + 2, c < 0 ? 1f : 0f);
        v.add(d + 3, (float) Math.min(s.positiveSum() / 8.0, 2.0));
        v.add(d + 4, (float) Math.max(s.negativeSum() / 8.0, -2.0));
        v.add(d + 5, s.negations() > 0 ? 1f : 0f);
        v.add(d + 6, s.sentimentItems() == 0 ? 1f : 0f);
        v.add(d + 7, s.positiveItems() > 0 && s.negativeItems() > 0 ? 1f : 0f);
        v.add(d + 8, (float) Math.min(s.positiveItems(), 4) / 4f);
        v.add(d + 9, (float) Math.min(s.negativeItems(), 4) / 4f);
        v.add(d + 10, tt.exclamations() > 0 ? 1f : 0f);
        v.add(d + 11, tt.questions() > 0 ? 1f : 0f);
        return v.compact();
    }

    private void charGrams(String w, Vec v) {
        // grams over "<" + w + ">" without building the padded string
        int len = w.length() + 2;
        for (int g = minGram; g <= maxGram; g++) {
            if (g > len) break;
            for (int start = 0; start + g <= len; start++) {
                int h = 0x811C9DC5 ^ (g * 0x01000193);
                for (int k = start; k < start + g; k++) {
                    char c = k == 0 ? '<' : k == len - 1 ? '>' : w.charAt(k - 1);
                    h = (h ^ c) * 0x01000193;
                }
                v.add(mix(h, 0xC4A5) & mask, 1f);
            }
        }
    }

    static int hash(String s, int from, int to, int seed) {
        int h = 0x811C9DC5 ^ seed;
        for (int k = from; k < to; k++) {
            h = (h ^ s.charAt(k)) * 0x01000193;
        }
        return mix(h, seed);
    }

    static int mix(int a, int b) {
        int h = a * 0x9E3779B1 ^ Integer.rotateLeft(b * 0x85EBCA6B, 13);
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        h ^= h >>> 15;
        h *= 0x846CA68B;
        h ^= h >>> 16;
        return h;
    }
}
