package dev.conversa.mention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeasonalBaselineTest {
    @Test
    void medianAndMadMakeARobustZScore() {
        SeasonalBaseline b = SeasonalBaseline.of(List.of(3L, 2L, 3L, 2L));
        assertThat(b.median()).isEqualTo(2.5);
        assertThat(b.mad()).isEqualTo(0.5);
        assertThat(b.scale()).as("MAD under 1 counts as 1").isEqualTo(1.4826);
        assertThat(b.z(12)).isCloseTo(9.5 / 1.4826, within(1e-12));
        assertThat(b.high(3.5)).isCloseTo(2.5 + 3.5 * 1.4826, within(1e-12));
        assertThat(b.low(3.5)).isZero();
    }

    @Test
    void anEarlierSpikeDoesNotRaiseTheBaseline() {
        SeasonalBaseline b = SeasonalBaseline.of(List.of(10L, 12L, 200L, 11L, 9L));
        assertThat(b.median()).isEqualTo(11);
        assertThat(b.mad()).isEqualTo(1); // deviations 1, 1, 189, 0, 2
        assertThat(b.z(30)).isCloseTo(19 / 1.4826, within(1e-12));
        assertThat(SeasonalBaseline.of(List.of(20L, 30L, 40L)).scale()).isEqualTo(1.4826 * 10);
    }

    @Test
    void noHistoryExpectsNothing() {
        SeasonalBaseline b = SeasonalBaseline.of(List.of());
        assertThat(b.median()).isZero();
        assertThat(b.z(5)).isCloseTo(5 / 1.4826, within(1e-12));
    }
}
