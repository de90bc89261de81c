package dev.conversa.channel.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Rate limits read from providers' response headers. When a window is used up (remaining 0) or the provider
 * answered 429, the key (inbox and endpoint) is blocked until the reset; adapters ask {@link #blocked} before
 * calling and return "retry later" instead, so nothing is sent into a closed window and nothing is lost.
 */
@Component
public class RateLimits {
    private static final Duration FALLBACK = Duration.ofSeconds(60);
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    /** How long {@code key} stays blocked, if it is. */
    public Optional<Duration> blocked(String key) {
        Instant until = blockedUntil.get(key);
        if (until == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(Instant.now(), until);
        if (left.isNegative() || left.isZero()) {
            blockedUntil.remove(key, until);
            return Optional.empty();
        }
        return Optional.of(left);
    }

    /** Reads the headers of a successful answer: a used-up window blocks until its reset. */
    public void observe(String key, SocialHttp.Response r) {
        String remaining = first(r, "x-rate-limit-remaining", "x-ratelimit-remaining").orElse(null);
        if ("0".equals(remaining == null ? null : remaining.strip())) {
            blockedUntil.put(key, Instant.now().plus(waitFor(r, Duration.ofSeconds(15))));
        }
    }

    /** Records a 429 (or a provider's rate-limit error) and returns how long to wait. */
    public Duration limited(String key, SocialHttp.Response r, Duration fallback) {
        Duration wait = waitFor(r, fallback == null ? FALLBACK : fallback);
        blockedUntil.put(key, Instant.now().plus(wait));
        return wait;
    }

    /** Blocks {@code key} for {@code wait} (providers that give the wait in the body, like Telegram's retry_after). */
    public void block(String key, Duration wait) {
        blockedUntil.put(key, Instant.now().plus(wait));
    }

    /** The wait a response asks for: Retry-After, or the reset time of X (epoch seconds) or Mastodon (ISO-8601). */
    public static Duration waitFor(SocialHttp.Response r, Duration fallback) {
        Optional<String> retryAfter = r.header("retry-after");
        if (retryAfter.isPresent()) {
            String v = retryAfter.get().strip();
            try {
                return atLeastOneSecond(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                try {
                    return atLeastOneSecond(Duration.between(Instant.now(),
                            ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
                } catch (RuntimeException ignored) {
                    // fall through to the reset headers
                }
            }
        }
        Optional<String> reset = first(r, "x-rate-limit-reset", "x-ratelimit-reset");
        if (reset.isPresent()) {
            String v = reset.get().strip();
            try {
                return atLeastOneSecond(Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(v))));
            } catch (NumberFormatException e) {
                try {
                    return atLeastOneSecond(Duration.between(Instant.now(), OffsetDateTime.parse(v).toInstant()));
                } catch (RuntimeException ignored) {
                    // unknown format
                }
            }
        }
        return fallback;
    }

    private static Optional<String> first(SocialHttp.Response r, String... names) {
        for (String n : names) {
            Optional<String> v = r.header(n);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static Duration atLeastOneSecond(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }
}
