package dev.conversa.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When the clock runs: opening hours per weekday in a time zone, minus holidays. Hours are wall-clock times,
 * so on a daylight-saving day a 00:00–06:00 window lasts 5 or 7 real hours, as the people working it see it.
 *
 * @param hours    per weekday, the opening windows ({@code [open, close)}, {@code close} 00:00 meaning midnight);
 *                 a day with no entry is closed
 * @param holidays whole days closed, in the calendar's zone
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Window>> hours, Set<LocalDate> holidays) {
    private static final int MAX_DAYS = 3 * 366;

    public record Window(LocalTime open, LocalTime close) {
        public Window {
            if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) {
                throw new IllegalArgumentException("a window closes after it opens: " + open + "-" + close);
            }
        }
    }

    /** A stretch of time the clock does not run (waiting on the customer); {@code to} null means still paused. */
    public record Pause(Instant from, Instant to) {
    }

    public BusinessCalendar {
        var copy = new EnumMap<DayOfWeek, List<Window>>(DayOfWeek.class);
        hours.forEach((d, w) -> copy.put(d, List.copyOf(w)));
        hours = Map.copyOf(copy);
        holidays = Set.copyOf(holidays);
    }

    /** Open around the clock, every day. */
    public static BusinessCalendar always(ZoneId zone) {
        var all = new EnumMap<DayOfWeek, List<Window>>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            all.put(d, List.of(new Window(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return new BusinessCalendar(zone, all, Set.of());
    }

    /** The same hours Monday to Friday. */
    public static BusinessCalendar weekdays(ZoneId zone, LocalTime open, LocalTime close, Set<LocalDate> holidays) {
        var days = new EnumMap<DayOfWeek, List<Window>>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                days.put(d, List.of(new Window(open, close)));
            }
        }
        return new BusinessCalendar(zone, days, holidays);
    }

    /**
     * The instant by which {@code target} of business time has run from {@code start}, skipping closed hours and
     * the pauses. Returns {@code null} when an open-ended pause stops the clock before the target is reached.
     */
    public Instant addBusinessTime(Instant start, Duration target, List<Pause> pauses) {
        long remaining = target.toMillis();
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Instant[] w : windows(day)) {
                Instant from = w[0].isBefore(start) ? start : w[0];
                if (!from.isBefore(w[1])) {
                    continue;
                }
                for (Instant[] run : subtract(from, w[1], pauses)) {
                    long len = Duration.between(run[0], run[1]).toMillis();
                    if (remaining <= len) {
                        return run[0].plusMillis(remaining);
                    }
                    remaining -= len;
                }
                if (endlessPauseBefore(w[1], pauses)) {
                    return null;
                }
            }
        }
        throw new IllegalStateException("calendar is never open");
    }

    /** Business time between two instants (0 when {@code to} is not after {@code from}), without pauses. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long total = 0;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] w : windows(day)) {
                Instant a = w[0].isBefore(from) ? from : w[0];
                Instant b = w[1].isAfter(to) ? to : w[1];
                if (a.isBefore(b)) {
                    total += Duration.between(a, b).toMillis();
                }
            }
        }
        return Duration.ofMillis(total);
    }

    /** The day's opening windows as instants; none on a holiday or a closed weekday. */
    List<Instant[]> windows(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<Window> ws = hours.get(day.getDayOfWeek());
        if (ws == null) {
            return List.of();
        }
        List<Instant[]> out = new ArrayList<>(ws.size());
        for (Window w : ws) {
            Instant open = day.atTime(w.open()).atZone(zone).toInstant();
            Instant close = w.close().equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : day.atTime(w.close()).atZone(zone).toInstant();
            if (w.open().equals(LocalTime.MIDNIGHT)) {
                open = day.atStartOfDay(zone).toInstant();
            }
            out.add(new Instant[] {open, close});
        }
        return out;
    }

    private static List<Instant[]> subtract(Instant from, Instant to, List<Pause> pauses) {
        List<Instant[]> runs = new ArrayList<>();
        runs.add(new Instant[] {from, to});
        for (Pause p : pauses) {
            Instant pTo = p.to() == null ? Instant.MAX : p.to();
            List<Instant[]> next = new ArrayList<>();
            for (Instant[] r : runs) {
                if (!p.from().isBefore(r[1]) || !pTo.isAfter(r[0])) {
                    next.add(r);
                    continue;
                }
                if (p.from().isAfter(r[0])) {
                    next.add(new Instant[] {r[0], p.from()});
                }
                if (pTo.isBefore(r[1])) {
                    next.add(new Instant[] {pTo, r[1]});
                }
            }
            runs = next;
        }
        runs.sort((a, b) -> a[0].compareTo(b[0]));
        return runs;
    }

    private static boolean endlessPauseBefore(Instant t, List<Pause> pauses) {
        return pauses.stream().anyMatch(p -> p.to() == null && p.from().isBefore(t));
    }
}
