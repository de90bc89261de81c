package dev.conversa.mention;

import java.util.Arrays;
import java.util.List;

/**
 * A robust z-score against a seasonal baseline: {@code z = (observed − median) / scale}, with
 * {@code scale = 1.4826 × max(MAD, 1)} over the same hour's counts in past weeks. 1.4826 × MAD estimates the standard
 * deviation of normal data without being moved by an earlier spike; the floor of 1 keeps a flat baseline
 * (2, 2, 2, 2: MAD 0) from calling one more post a spike.
 */
record SeasonalBaseline(double median, double mad, double scale) {
    static final double NORMAL = 1.4826;

    static SeasonalBaseline of(List<Long> counts) {
        if (counts.isEmpty()) {
            return new SeasonalBaseline(0, 0, NORMAL);
        }
        double median = median(counts.stream().mapToDouble(Long::doubleValue).toArray());
        double mad = median(counts.stream().mapToDouble(c -> Math.abs(c - median)).toArray());
        return new SeasonalBaseline(median, mad, NORMAL * Math.max(mad, 1));
    }

    double z(long observed) {
        return (observed - median) / scale;
    }

    double low(double threshold) {
        return Math.max(0, median - threshold * scale);
    }

    double high(double threshold) {
        return median + threshold * scale;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
