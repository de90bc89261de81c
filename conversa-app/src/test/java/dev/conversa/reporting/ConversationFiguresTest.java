package dev.conversa.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.sla.BusinessCalendar;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The report's arithmetic on fixed facts: clock and business time, mean, median, nearest-rank p90, reopen rate. */
class ConversationFiguresTest {
    static final BusinessCalendar MADRID_OFFICE = BusinessCalendar.weekdays(ZoneId.of("Europe/Madrid"),
            LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of());

    private static ReportingStore.Row row(long id, String inbound, String response, String resolved, int resolutions) {
        Instant in = Instant.parse(inbound);
        return new ReportingStore.Row(id, 1, "EMAIL", in, in, response == null ? null : Instant.parse(response),
                resolved == null ? null : Instant.parse(resolved), resolutions);
    }

    @Test
    void aMessageAtCloseAnsweredNextMorningTakesOneBusinessHour() {
        // Monday 2026-11-30 17:30 Madrid (16:30Z) → Tuesday 09:30 Madrid (08:30Z): 16 h on the clock, 1 h of office
        var figures = ConversationReports.figures("all", List.of(
                row(1, "2026-11-30T16:30:00Z", "2026-12-01T08:30:00Z", "2026-12-01T09:30:00Z", 1)), MADRID_OFFICE);
        assertThat(figures.firstResponse().meanSeconds()).isEqualTo(16 * 3600);
        assertThat(figures.firstResponseBusiness().meanSeconds()).isEqualTo(3600);
        assertThat(figures.resolutionBusiness().meanSeconds()).isEqualTo(2 * 3600);
        // Saturday to Monday 09:15: the weekend does not count
        var weekend = ConversationReports.figures("all", List.of(
                row(2, "2026-12-05T10:00:00Z", "2026-12-07T08:15:00Z", null, 0)), MADRID_OFFICE);
        assertThat(weekend.firstResponseBusiness().meanSeconds()).isEqualTo(15 * 60);
        assertThat(weekend.resolutionBusiness().count()).isZero();
    }

    @Test
    void meanMedianNearestRankP90AndReopenRate() {
        List<ReportingStore.Row> rows = new java.util.ArrayList<>();
        // first responses of 1..10 minutes; conversations 1-4 resolved, 1 of them twice; 11 awaits its answer
        for (int m = 1; m <= 10; m++) {
            Instant in = Instant.parse("2026-12-01T10:00:00Z");
            rows.add(new ReportingStore.Row(m, 1, "API", in, in, in.plusSeconds(60L * m),
                    m <= 4 ? in.plusSeconds(3600) : null, m == 1 ? 2 : m <= 4 ? 1 : 0));
        }
        rows.add(row(11, "2026-12-01T11:00:00Z", null, null, 0));
        var f = ConversationReports.figures("API", rows, null);
        assertThat(f.opened()).isEqualTo(11);
        assertThat(f.answered()).isEqualTo(10);
        assertThat(f.awaitingResponse()).isEqualTo(1);
        assertThat(f.firstResponse()).isEqualTo(new Durations(10, 330L, 330L, 540L)); // p90: rank ⌈9⌉ = 9 min
        assertThat(f.resolved()).isEqualTo(4);
        assertThat(f.reopened()).isEqualTo(1);
        assertThat(f.reopenRate()).isEqualTo(0.25);
        assertThat(f.firstResponseBusiness()).isNull();
        assertThat(Durations.of(List.of())).isEqualTo(new Durations(0, null, null, null));
        assertThat(Durations.of(List.of(7L)).p90Seconds()).isEqualTo(7L);
    }
}
