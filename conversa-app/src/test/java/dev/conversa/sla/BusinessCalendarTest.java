package dev.conversa.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Due times computed by hand, in Madrid local time, across the edges of the calendar. */
class BusinessCalendarTest {
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final BusinessCalendar OFFICE = BusinessCalendar.weekdays(MADRID, LocalTime.of(9, 0), LocalTime.of(18, 0),
            Set.of(LocalDate.of(2025, 5, 1)));

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    static Instant due(BusinessCalendar cal, String start, Duration target, BusinessCalendar.Pause... pauses) {
        return cal.addBusinessTime(at(start), target, List.of(pauses));
    }

    @Test
    void withinOneDay() {
        // Tue 2025-03-04 10:15 + 2h = 12:15
        assertThat(due(OFFICE, "2025-03-04T10:15+01:00", Duration.ofHours(2))).isEqualTo(at("2025-03-04T12:15+01:00"));
    }

    @Test
    void beforeOpeningStartsAtOpening() {
        // Tue 07:00, closed until 09:00; + 2h = 11:00
        assertThat(due(OFFICE, "2025-03-04T07:00+01:00", Duration.ofHours(2))).isEqualTo(at("2025-03-04T11:00+01:00"));
    }

    @Test
    void endingExactlyAtClosingStaysThatDay() {
        // Tue 17:00 + 1h = 18:00 the same day, not Wednesday 09:00
        assertThat(due(OFFICE, "2025-03-04T17:00+01:00", Duration.ofHours(1))).isEqualTo(at("2025-03-04T18:00+01:00"));
    }

    @Test
    void atClosingCarriesToTheNextMorning() {
        // Tue 18:00 exactly: nothing left that day; Wed 09:00 + 1h = 10:00
        assertThat(due(OFFICE, "2025-03-04T18:00+01:00", Duration.ofHours(1))).isEqualTo(at("2025-03-05T10:00+01:00"));
    }

    @Test
    void fridayEveningCarriesOverTheWeekend() {
        // Fri 2025-03-07 17:30: 30 min Friday, weekend closed, Mon 09:00 + 30 min = 09:30
        assertThat(due(OFFICE, "2025-03-07T17:30+01:00", Duration.ofHours(1))).isEqualTo(at("2025-03-10T09:30+01:00"));
        // arriving on Saturday counts from Monday's opening
        assertThat(due(OFFICE, "2025-03-08T11:00+01:00", Duration.ofMinutes(45))).isEqualTo(at("2025-03-10T09:45+01:00"));
    }

    @Test
    void aHolidayIsSkipped() {
        // Wed 2025-04-30 17:00 + 4h: 1h Wednesday, Thu 1 May holiday, Fri 09:00 + 3h = 12:00 (CEST)
        assertThat(due(OFFICE, "2025-04-30T17:00+02:00", Duration.ofHours(4))).isEqualTo(at("2025-05-02T12:00+02:00"));
    }

    @Test
    void springForwardAroundTheClock() {
        // 24/7 in Madrid: Sun 2025-03-30 00:30 CET + 4h real = 04:30 CET wall time would be wrong; clocks jump at
        // 02:00 CET to 03:00 CEST, so the due time is 05:30 CEST (= 03:30 UTC)
        assertThat(due(BusinessCalendar.always(MADRID), "2025-03-30T00:30+01:00", Duration.ofHours(4)))
                .isEqualTo(at("2025-03-30T05:30+02:00"));
    }

    @Test
    void fallBackAroundTheClock() {
        // Sun 2025-10-26 01:30 CEST + 2h real: 02:00 CEST becomes 02:00 CET, so due 02:30 CET (= 01:30 UTC)
        assertThat(due(BusinessCalendar.always(MADRID), "2025-10-26T01:30+02:00", Duration.ofHours(2)))
                .isEqualTo(at("2025-10-26T02:30+01:00"));
    }

    @Test
    void aNightShiftOnTheShortDayHasFiveHours() {
        // a 00:00-06:00 desk every day. Sat 2025-03-29 05:00 CET + 3h: 1h Saturday; Sunday's window is 5 real hours
        // (02:00-03:00 does not exist), so 2h more from 00:00 CET = 01:00 UTC = 03:00 CEST
        var night = new BusinessCalendar(MADRID, Map.of(
                DayOfWeek.SATURDAY, List.of(new BusinessCalendar.Window(LocalTime.MIDNIGHT, LocalTime.of(6, 0))),
                DayOfWeek.SUNDAY, List.of(new BusinessCalendar.Window(LocalTime.MIDNIGHT, LocalTime.of(6, 0)))), Set.of());
        assertThat(due(night, "2025-03-29T05:00+01:00", Duration.ofHours(3))).isEqualTo(at("2025-03-30T03:00+02:00"));
        assertThat(night.businessTimeBetween(at("2025-03-30T00:00+01:00"), at("2025-03-30T06:00+02:00")))
                .isEqualTo(Duration.ofHours(5));
    }

    @Test
    void waitingOnTheCustomerPausesTheClock() {
        // Mon 2025-03-03 10:00 + 4h, paused 11:00-15:00: 1h before, 3h after 15:00 = 18:00
        assertThat(due(OFFICE, "2025-03-03T10:00+01:00", Duration.ofHours(4),
                new BusinessCalendar.Pause(at("2025-03-03T11:00+01:00"), at("2025-03-03T15:00+01:00"))))
                .isEqualTo(at("2025-03-03T18:00+01:00"));
        // paused across the night: Mon 16:00 + 3h, paused 17:00 to Tue 10:00: 1h Monday, 2h from Tue 10:00 = 12:00
        assertThat(due(OFFICE, "2025-03-03T16:00+01:00", Duration.ofHours(3),
                new BusinessCalendar.Pause(at("2025-03-03T17:00+01:00"), at("2025-03-04T10:00+01:00"))))
                .isEqualTo(at("2025-03-04T12:00+01:00"));
        // still paused: no due time
        assertThat(due(OFFICE, "2025-03-03T10:00+01:00", Duration.ofHours(4),
                new BusinessCalendar.Pause(at("2025-03-03T11:00+01:00"), null))).isNull();
    }

    @Test
    void businessTimeLeftAcrossAWeekend() {
        // Fri 17:00 to Mon 10:00 = 1h + 1h
        assertThat(OFFICE.businessTimeBetween(at("2025-03-07T17:00+01:00"), at("2025-03-10T10:00+01:00")))
                .isEqualTo(Duration.ofHours(2));
    }
}
