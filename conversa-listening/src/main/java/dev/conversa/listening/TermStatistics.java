package dev.conversa.listening;

import java.util.Arrays;

/**
 * How often each known term occurs in the stream, estimated from a sample of the posts matched (one in
 * {@value #SAMPLE_EVERY} per thread). Used to anchor each query on its rarest required terms. Counters are
 * updated without synchronisation: they are estimates, and a lost increment does not matter.
 */
final class TermStatistics {

    static final int SAMPLE_EVERY = 32;
    /** Sampled posts needed before a term's observed frequency is trusted. */
    static final long MIN_SAMPLES = 200;

    private volatile int[] hits = new int[1024];
    private volatile long[] since = new long[1024];
    private volatile long samples;

    /** Writer only: makes room for {@code termId} and starts its observation window now. */
    void register(int termId) {
        if (termId >= hits.length) {
            int n = Math.max(termId + 1, hits.length * 2);
            long[] s = Arrays.copyOf(since, n);
            s[termId] = samples;
            since = s;
            hits = Arrays.copyOf(hits, n);
        } else {
            since[termId] = samples;
        }
    }

    /** Counts the distinct terms of the post in {@code s}. */
    @SuppressWarnings("NonAtomicOperationOnVolatileField")
    void sample(PostScratch s) {
        int[] h = hits;
        for (int i = 0; i < s.presentCount; i++) {
            int t = s.present[i];
            if (t < h.length) {
                h[t]++;
            }
        }
        samples++;
    }

    /** Fraction of sampled posts containing {@code termId}, or -1 while not enough posts were observed. */
    double rate(int termId) {
        long total = samples;
        int[] h = hits;
        long[] s = since;
        if (termId >= h.length || termId >= s.length) {
            return -1;
        }
        long observed = total - s[termId];
        return observed < MIN_SAMPLES ? -1 : h[termId] / (double) observed;
    }
}
