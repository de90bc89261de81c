package dev.conversa.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(2));

    @Test
    void doublesFromTheInitialWaitUpToTheCap() {
        assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.after(8)).isEqualTo(Duration.ofSeconds(30 * 128));
        assertThat(backoff.after(9)).as("30 s × 256 is over the 2 h cap").isEqualTo(Duration.ofHours(2));
        assertThat(backoff.after(Integer.MAX_VALUE)).as("no overflow").isEqualTo(Duration.ofHours(2));
        assertThat(new Backoff(Duration.ofMillis(1), Duration.ofDays(365)).after(64)).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void jitterAddsAtMostTenPercentAndAnAskIsHonouredUpToItsCap() {
        assertThat(Backoff.jittered(Duration.ofSeconds(100), 0)).isEqualTo(Duration.ofSeconds(100));
        assertThat(Backoff.jittered(Duration.ofSeconds(100), 0.5)).isEqualTo(Duration.ofSeconds(105));
        Duration wait = Duration.ofSeconds(10);
        assertThat(Backoff.atLeast(wait, null, Duration.ofHours(1))).isEqualTo(wait);
        assertThat(Backoff.atLeast(wait, Duration.ofSeconds(3), Duration.ofHours(1))).isEqualTo(wait);
        assertThat(Backoff.atLeast(wait, Duration.ofMinutes(5), Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(5));
        assertThat(Backoff.atLeast(wait, Duration.ofDays(3), Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesANonsensicalRule() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
