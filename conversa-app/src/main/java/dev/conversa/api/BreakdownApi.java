package dev.conversa.api;

import dev.conversa.kernel.Actor;
import dev.conversa.reporting.BreakdownReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Supervisor reports from the reporting facts (docs/analytics.md)")
class BreakdownApi {
    private final BreakdownReports reports;

    BreakdownApi(BreakdownReports reports) {
        this.reports = reports;
    }

    @GetMapping("/volume")
    @Operation(summary = "Conversations opened, customer messages, agent replies and resolutions in [from, to), "
            + "overall or by channel, inbox, team, agent or tag (supervisors)")
    BreakdownReports.VolumeReport volume(@RequestParam(required = false) Instant from,
                                         @RequestParam(required = false) Instant to,
                                         @RequestParam(required = false, defaultValue = "none") String by, Actor actor) {
        return reports.volume(from, to, by, actor);
    }

    @GetMapping(value = "/volume.csv", produces = "text/csv")
    @Operation(summary = "The volume report as CSV")
    ResponseEntity<String> volumeCsv(@RequestParam(required = false) Instant from,
                                     @RequestParam(required = false) Instant to,
                                     @RequestParam(required = false, defaultValue = "none") String by, Actor actor) {
        BreakdownReports.VolumeReport report = reports.volume(from, to, by, actor);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("group", "opened", "inbound", "outbound", "resolved").get())) {
            for (BreakdownReports.Volume v : report.groups()) {
                csv.printRecord(v.group(), v.opened(), v.inbound(), v.outbound(), v.resolved());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"volume.csv\"").body(out.toString());
    }

    @GetMapping("/backlog")
    @Operation(summary = "Conversations open now (open, pending, snoozed), by status and by age (supervisors)")
    BreakdownReports.Backlog backlog(Actor actor) {
        return reports.backlog(actor);
    }

    @GetMapping("/sla")
    @Operation(summary = "SLA achievement per target (first response, next response, resolution) over the "
            + "conversations opened in [from, to): met, breached, in progress (supervisors)")
    BreakdownReports.SlaReport sla(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                   Actor actor) {
        return reports.sla(from, to, actor);
    }
}
