package dev.conversa.reporting;

import java.util.Arrays;
import java.util.List;

/**
 * A set of durations in seconds: how many, their mean, median (the middle value, or the mean of the two middle
 * ones) and 90th percentile (nearest rank: the smallest value with at least 90 % of the set at or below it).
 * Null figures when the set is empty.
 */
public record Durations(int count, Long meanSeconds, Long medianSeconds, Long p90Seconds) {

    static Durations of(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return new Durations(0, null, null, null);
        }
        long[] sorted = seconds.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        long mean = Math.round(Arrays.stream(sorted).average().orElseThrow());
        long median = n % 2 == 1 ? sorted[n / 2] : Math.round((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0);
        long p90 = sorted[(int) Math.ceil(0.9 * n) - 1];
        return new Durations(n, mean, median, p90);
    }
}
