package dev.conversa.sla;

import java.time.LocalDate;
import java.util.List;

/** A stored business-hours calendar, e.g. hours {@code MONDAY=09:00-18:00;FRIDAY=09:00-14:00}. */
public record SlaCalendar(long id, long workspaceId, String name, String timeZone, String hours, List<LocalDate> holidays) {
}
