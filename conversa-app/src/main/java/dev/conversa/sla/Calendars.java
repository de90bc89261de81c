package dev.conversa.sla;

import dev.conversa.kernel.InvalidInputException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses the stored text form of opening hours into a {@link BusinessCalendar}. */
final class Calendars {
    private Calendars() {
    }

    static BusinessCalendar parse(String zone, String hours, List<LocalDate> holidays) {
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "unknown time zone " + zone);
        }
        Map<DayOfWeek, List<BusinessCalendar.Window>> days = new EnumMap<>(DayOfWeek.class);
        try {
            for (String day : hours.split(";")) {
                if (day.isBlank()) {
                    continue;
                }
                String[] kv = day.strip().split("=");
                DayOfWeek d = DayOfWeek.valueOf(kv[0].strip().toUpperCase(Locale.ROOT));
                List<BusinessCalendar.Window> ws = new ArrayList<>();
                for (String w : kv[1].split(",")) {
                    String[] oc = w.strip().split("-");
                    LocalTime close = oc[1].strip().equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(oc[1].strip());
                    ws.add(new BusinessCalendar.Window(LocalTime.parse(oc[0].strip()), close));
                }
                days.put(d, ws);
            }
        } catch (RuntimeException e) {
            throw new InvalidInputException("hours", "hours look like MONDAY=09:00-14:00,15:00-18:00;TUESDAY=09:00-18:00");
        }
        if (days.isEmpty()) {
            throw new InvalidInputException("hours", "a calendar needs opening hours on at least one day");
        }
        return new BusinessCalendar(z, days, new HashSet<>(holidays));
    }
}
