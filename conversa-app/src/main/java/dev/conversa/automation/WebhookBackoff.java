package dev.conversa.automation;

import dev.conversa.kernel.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a failed webhook is tried again: {@code initial × 2^(n-1)} after the n-th failed attempt, capped at
 * {@code max}, plus up to 10 % jitter so that webhooks that failed together do not all come back together; never
 * sooner than the receiver's {@code Retry-After} asked (itself capped at {@link #MAX_RETRY_AFTER}). After
 * {@code maxAttempts} attempts there is no next one: the webhook is a dead letter.
 */
record WebhookBackoff(Duration initial, Duration max, int maxAttempts) {
    /** A receiver asking for more than this is still retried after this. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    WebhookBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max and at least one attempt");
        }
    }

    /** The wait after the {@code attempt}-th failed attempt (1-based), before jitter and {@code Retry-After}. */
    Duration delayAfter(int attempt) {
        return new Backoff(initial, max).after(attempt);
    }

    /**
     * The wait before the next attempt, or empty when {@code attempt} was the last one.
     *
     * @param jitter     a number in [0, 1): the share of 10 % of the delay added to it
     * @param retryAfter what the receiver asked for, or {@code null}
     */
    Optional<Duration> next(int attempt, Duration retryAfter, double jitter) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(Backoff.atLeast(Backoff.jittered(delayAfter(attempt), jitter), retryAfter, MAX_RETRY_AFTER));
    }

    /** The waits between the attempts, without jitter: what docs/automation.md shows. */
    List<Duration> schedule() {
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            waits.add(delayAfter(attempt));
        }
        return waits;
    }

    /**
     * A {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. A date in the past is zero;
     * a value that is neither is ignored ({@code null}).
     */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException tooLong) {
                return MAX_RETRY_AFTER;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
