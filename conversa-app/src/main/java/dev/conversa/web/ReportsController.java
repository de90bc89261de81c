package dev.conversa.web;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.reporting.BreakdownReports;
import dev.conversa.reporting.ConversationFigures;
import dev.conversa.reporting.ConversationReport;
import dev.conversa.reporting.ConversationReports;
import dev.conversa.reporting.Durations;
import dev.conversa.sla.SlaService;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The supervisor's conversation report in the console: a range of days in the workspace's time zone, grouped by
 * channel or inbox, optionally in a calendar's business hours, with the CSV of the same figures one click away.
 */
@Controller
class ReportsController {
    private final ConversationReports reports;
    private final BreakdownReports breakdowns;
    private final SlaService sla;
    private final ConsoleSupport console;

    ReportsController(ConversationReports reports, BreakdownReports breakdowns, SlaService sla, ConsoleSupport console) {
        this.reports = reports;
        this.breakdowns = breakdowns;
        this.sla = sla;
        this.console = console;
    }

    /** One line of the volume table: the group's name as the console shows it. */
    record VolumeRow(String key, String name, BreakdownReports.Volume volume) {
    }

    /** @param from first day (default: 29 days before {@code to}); @param to last day, included (default: today) */
    @GetMapping("/reports")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(defaultValue = "channel") String by, @RequestParam(required = false) Long calendar,
                @RequestParam(defaultValue = "agent") String volumeBy,
                Actor actor, Model model, HttpServletResponse response) {
        ZoneId zone = ZoneId.of(console.timeZone(actor));
        LocalDate last = day(to, "to", LocalDate.now(zone));
        LocalDate first = day(from, "from", last.minusDays(29));
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("by", by);
        model.addAttribute("calendar", calendar);
        model.addAttribute("calendars", sla.calendars(actor));
        model.addAttribute("zone", zone);
        model.addAttribute("volumeBy", volumeBy);
        try {
            ConversationReport report = reports.report(first.atStartOfDay(zone).toInstant(),
                    last.plusDays(1).atStartOfDay(zone).toInstant(), by, calendar, actor);
            model.addAttribute("report", report);
            model.addAttribute("rows", Stream.concat(Stream.of(report.overall()), report.groups().stream())
                    .map(ReportsController::row).toList());
            Directory directory = console.directory(actor);
            var volume = breakdowns.volume(report.from(), report.to(), volumeBy, actor);
            model.addAttribute("volume", volume.groups().stream()
                    .map(v -> new VolumeRow(v.group(), name(volumeBy, v.group(), directory), v)).toList());
            model.addAttribute("sla", breakdowns.sla(report.from(), report.to(), actor).targets().stream()
                    .map(t -> new SlaRow(t, t.achievement() == null ? "–" : Math.round(t.achievement() * 1000) / 10.0 + " %"))
                    .toList());
            model.addAttribute("backlog", breakdowns.backlog(actor));
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("rows", List.of());
        }
        return "reports";
    }

    /** One line of the table, its durations written as hours and minutes. */
    record Row(ConversationFigures figures, String reopenRate, List<String> firstResponse, List<String> resolution,
               List<String> firstResponseBusiness, List<String> resolutionBusiness, List<String> nextResponse,
               String fcrRate) {
    }

    record SlaRow(BreakdownReports.SlaTarget target, String achievement) {
    }

    static Row row(ConversationFigures f) {
        return new Row(f, percent(f.reopenRate()), durations(f.firstResponse()), durations(f.resolution()),
                durations(f.firstResponseBusiness()), durations(f.resolutionBusiness()), durations(f.nextResponse()),
                percent(f.fcrRate()));
    }

    private static String percent(Double share) {
        return share == null ? "–" : Math.round(share * 1000) / 10.0 + " %";
    }

    /** An agent's, team's or inbox's name for its id; channels and tags are their own names. */
    private static String name(String by, String key, Directory directory) {
        if (key.equals("none") || key.equals("all")) {
            return null;
        }
        return switch (by) {
            case "agent" -> directory.userName(Long.valueOf(key));
            case "team" -> directory.teamName(Long.valueOf(key));
            case "inbox" -> directory.inboxName(Long.parseLong(key));
            default -> key;
        };
    }

    /** mean, median, p90 */
    private static List<String> durations(Durations d) {
        if (d == null) {
            return List.of();
        }
        return Stream.of(d.meanSeconds(), d.medianSeconds(), d.p90Seconds()).map(ReportsController::duration).toList();
    }

    /** 4 h 05 min, 12 min, 40 s; "–" for none. */
    static String duration(Long seconds) {
        if (seconds == null) {
            return "–";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + String.format("%02d", minutes % 60) + " min";
    }

    private static LocalDate day(String value, String field, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be a date like 2026-12-01");
        }
    }
}
