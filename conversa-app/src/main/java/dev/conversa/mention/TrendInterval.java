package dev.conversa.mention;

import java.time.Duration;
import java.time.Instant;

/** The width of a trend's buckets. Buckets are aligned in UTC; weeks start on Monday. */
public enum TrendInterval {
    HOUR(3600, 0), DAY(86_400, 0), WEEK(604_800, 4 * 86_400); // 1970-01-01 was a Thursday: Monday is 4 days on

    final long seconds;
    /** Seconds from the epoch to the first bucket boundary. */
    final long offset;

    TrendInterval(long seconds, long offset) {
        this.seconds = seconds;
        this.offset = offset;
    }

    long bucketOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond() - offset, seconds);
    }

    Instant start(long bucket) {
        return Instant.ofEpochSecond(bucket * seconds + offset);
    }

    long buckets(Instant from, Instant to) {
        return bucketOf(to.minusNanos(1)) - bucketOf(from) + 1;
    }

    Duration width() {
        return Duration.ofSeconds(seconds);
    }
}
