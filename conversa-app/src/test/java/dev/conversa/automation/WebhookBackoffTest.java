package dev.conversa.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookBackoffTest {
    /** The shipped defaults (WebhookProperties with nothing set), as docs/automation.md shows them. */
    final WebhookBackoff defaults = new WebhookProperties(null, null, null, null, null, null, null).backoff();

    @Test
    void theDefaultScheduleDoublesFromThirtySecondsUpToTwoHoursOverTwelveAttempts() {
        assertThat(defaults.schedule()).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32),
                Duration.ofMinutes(64), Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2));
        assertThat(defaults.schedule().stream().reduce(Duration.ZERO, Duration::plus))
                .as("the last attempt is 8 h 7 min 30 s after the first, plus jitter").isEqualTo(Duration.ofMinutes(487).plusSeconds(30));
    }

    @Test
    void afterTheLastAttemptThereIsNoNextOne() {
        WebhookBackoff three = new WebhookBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 3);
        assertThat(three.next(1, null, 0)).contains(Duration.ofSeconds(1));
        assertThat(three.next(2, null, 0)).contains(Duration.ofSeconds(2));
        assertThat(three.next(3, null, 0)).isEmpty();
        assertThat(three.next(4, null, 0)).as("an attempt taken over after a crash").isEmpty();
    }

    @Test
    void jitterAddsAtMostATenthAndNeverPassesDoublingIntoOverflow() {
        assertThat(defaults.next(3, null, 0.0)).contains(Duration.ofMinutes(2));
        assertThat(defaults.next(3, null, 0.999)).hasValueSatisfying(d ->
                assertThat(d).isGreaterThan(Duration.ofMinutes(2)).isLessThan(Duration.ofSeconds(132)));
        WebhookBackoff many = new WebhookBackoff(Duration.ofSeconds(30), Duration.ofHours(2), 1000);
        assertThat(many.delayAfter(999)).isEqualTo(Duration.ofHours(2));
        assertThat(many.delayAfter(64)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aLongerRetryAfterIsHonouredAShorterOneDoesNotHurry() {
        assertThat(defaults.next(1, Duration.ofSeconds(120), 0.5)).contains(Duration.ofSeconds(120));
        assertThat(defaults.next(1, Duration.ofSeconds(5), 0)).contains(Duration.ofSeconds(30));
        assertThat(defaults.next(1, Duration.ofDays(3), 0)).as("capped").contains(WebhookBackoff.MAX_RETRY_AFTER);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("1999-12-31T23:58:59Z");
        assertThat(WebhookBackoff.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
        // the HTTP-date example of RFC 9110, section 10.2.3
        assertThat(WebhookBackoff.retryAfter("Fri, 31 Dec 1999 23:59:59 GMT", now)).isEqualTo(Duration.ofSeconds(60));
        assertThat(WebhookBackoff.retryAfter("Fri, 31 Dec 1999 23:59:59 GMT", now.plusSeconds(3600))).isEqualTo(Duration.ZERO);
        assertThat(WebhookBackoff.retryAfter("99999999999999999999999", now)).isEqualTo(WebhookBackoff.MAX_RETRY_AFTER);
        for (String ignored : List.of("", "soon", "-5", "1.5")) {
            assertThat(WebhookBackoff.retryAfter(ignored, now)).as(ignored).isNull();
        }
        assertThat(WebhookBackoff.retryAfter(null, now)).isNull();
    }

    @Test
    void aScheduleThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> new WebhookBackoff(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
