package dev.conversa.kernel;

import java.time.Duration;

/**
 * The one retry rule of Conversa's background work (deliveries, webhooks, feeds, streams): after the n-th failure in
 * a row, wait {@code initial × 2^(n−1)}, capped at {@code max}. Callers that retry many items at once add up to 10 %
 * {@link #jittered jitter} so that items that failed together do not come back together, and none retries sooner
 * than the other side asked ({@link #atLeast}, the ask itself capped).
 */
public record Backoff(Duration initial, Duration max) {
    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
    }

    /** The wait after {@code failures} failures in a row (0 or 1: {@code initial}). */
    public Duration after(int failures) {
        long cap = max.toMillis();
        long wait = initial.toMillis();
        for (int n = 1; n < failures && wait < cap; n++) {
            wait = wait > cap / 2 ? cap : wait * 2;
        }
        return Duration.ofMillis(Math.min(wait, cap));
    }

    /** {@code wait} plus {@code share} (in [0, 1)) of 10 % of it. */
    public static Duration jittered(Duration wait, double share) {
        return wait.plusMillis((long) (wait.toMillis() * 0.1 * share));
    }

    /** {@code wait}, or what the other side asked if that is longer, the ask capped at {@code askCap}. */
    public static Duration atLeast(Duration wait, Duration asked, Duration askCap) {
        if (asked == null) {
            return wait;
        }
        Duration ask = asked.compareTo(askCap) > 0 ? askCap : asked;
        return ask.compareTo(wait) > 0 ? ask : wait;
    }
}
