package dev.conversa.api;

import dev.conversa.kernel.Actor;
import dev.conversa.reporting.ConversationFigures;
import dev.conversa.reporting.ConversationReport;
import dev.conversa.reporting.ConversationReports;
import dev.conversa.reporting.Durations;
import dev.conversa.reporting.ReportingSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Supervisor reports from the reporting facts (docs/analytics.md)")
class ReportApi {
    private static final String[] COLUMNS = {"group", "opened", "answered", "awaiting_response", "resolved", "reopened",
            "reopen_rate", "first_response_count", "first_response_mean_s", "first_response_median_s",
            "first_response_p90_s", "resolution_count", "resolution_mean_s", "resolution_median_s", "resolution_p90_s",
            "first_response_business_count", "first_response_business_mean_s", "first_response_business_median_s",
            "first_response_business_p90_s", "resolution_business_count", "resolution_business_mean_s",
            "resolution_business_median_s", "resolution_business_p90_s", "next_response_count", "next_response_mean_s",
            "next_response_median_s", "next_response_p90_s", "next_response_business_count",
            "next_response_business_mean_s", "next_response_business_median_s", "next_response_business_p90_s",
            "fcr_decided", "fcr", "fcr_pending", "fcr_rate"};

    private final ConversationReports reports;
    private final ReportingSettings settings;

    ReportApi(ConversationReports reports, ReportingSettings settings) {
        this.reports = reports;
        this.settings = settings;
    }

    @GetMapping("/conversations")
    @Operation(summary = "First response and resolution times (clock time, and business hours of a calendar if one "
            + "is named), volume and reopen rate of the conversations opened in [from, to) (default: the last 30 days), "
            + "overall and by channel or inbox (supervisors)")
    ConversationReport conversations(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                     @RequestParam(required = false, defaultValue = "none") String by,
                                     @RequestParam(required = false) Long calendar, Actor actor) {
        return reports.report(from, to, by, calendar, actor);
    }

    @GetMapping(value = "/conversations.csv", produces = "text/csv")
    @Operation(summary = "The same report as CSV: one row overall, then one per group; durations in seconds")
    ResponseEntity<String> conversationsCsv(@RequestParam(required = false) Instant from,
                                            @RequestParam(required = false) Instant to,
                                            @RequestParam(required = false, defaultValue = "none") String by,
                                            @RequestParam(required = false) Long calendar, Actor actor) {
        ConversationReport report = reports.report(from, to, by, calendar, actor);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
            List<ConversationFigures> rows = new ArrayList<>();
            rows.add(report.overall());
            rows.addAll(report.groups());
            for (ConversationFigures f : rows) {
                List<Object> cells = new ArrayList<>(List.of(f.group(), f.opened(), f.answered(), f.awaitingResponse(),
                        f.resolved(), f.reopened()));
                cells.add(f.reopenRate());
                cells.addAll(durations(f.firstResponse()));
                cells.addAll(durations(f.resolution()));
                cells.addAll(durations(f.firstResponseBusiness()));
                cells.addAll(durations(f.resolutionBusiness()));
                cells.addAll(durations(f.nextResponse()));
                cells.addAll(durations(f.nextResponseBusiness()));
                cells.add(f.fcrDecided());
                cells.add(f.firstContactResolved());
                cells.add(f.fcrPending());
                cells.add(f.fcrRate());
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"conversations-report.csv\"")
                .body(out.toString());
    }

    @GetMapping("/settings")
    @Operation(summary = "The workspace's reporting settings: the first-contact-resolution window in days (supervisors)")
    ReportingSettings.Values settings(Actor actor) {
        return settings.get(actor);
    }

    @PutMapping("/settings")
    @Operation(summary = "Change the first-contact-resolution window, 1 to 90 days (admins)")
    ReportingSettings.Values configure(@RequestBody ReportingSettings.Values body, Actor actor) {
        return settings.set(body, actor);
    }

    /** Four cells: count, mean, median, p90; empty cells for figures not asked for (no calendar). */
    private static List<Object> durations(Durations d) {
        List<Object> cells = new ArrayList<>();
        if (d == null) {
            cells.add(null);
            cells.add(null);
            cells.add(null);
            cells.add(null);
            return cells;
        }
        cells.add(d.count());
        cells.add(d.meanSeconds());
        cells.add(d.medianSeconds());
        cells.add(d.p90Seconds());
        return cells;
    }
}
