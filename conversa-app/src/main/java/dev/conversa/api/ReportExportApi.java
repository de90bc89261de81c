package dev.conversa.api;

import dev.conversa.kernel.Actor;
import dev.conversa.reporting.ConversationExport;
import dev.conversa.reporting.ExportedConversation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-conversation export as CSV or JSON, written to the response row by row as the database yields them: the
 * first rows reach the client while later ones are still being read, and the server never holds the whole range.
 */
@RestController
@RequestMapping("/api/v1/reports/conversations")
@Tag(name = "Reports", description = "Supervisor reports from the reporting facts (docs/analytics.md)")
class ReportExportApi {
    private static final String[] COLUMNS = {"conversation_id", "opened_at", "channel", "inbox_id", "team_id",
            "assignee_id", "customer_id", "status", "language", "sentiment", "tags", "first_inbound_at",
            "first_response_at", "first_response_s", "first_resolved_at", "last_resolved_at", "resolutions", "reopens",
            "resolution_s", "inbound_messages", "agent_replies"};

    private final ConversationExport export;
    private final JsonMapper json;

    ReportExportApi(ConversationExport export, JsonMapper json) {
        this.export = export;
        this.json = json;
    }

    @GetMapping("/export")
    @Operation(summary = "One row per conversation opened in [from, to) (default: the last 30 days, at most 366) with "
            + "every measured time; CSV when Accept prefers text/csv, JSON otherwise; streamed (supervisors)")
    void negotiated(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Actor actor,
                    HttpServletResponse response) throws IOException {
        if (prefersCsv(accept)) {
            csv(from, to, actor, response);
        } else {
            json(from, to, actor, response);
        }
    }

    @GetMapping("/export.csv")
    @Operation(summary = "The per-conversation export as CSV (RFC 4180, a header line; durations in seconds)")
    void csv(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to, Actor actor,
             HttpServletResponse response) throws IOException {
        ConversationExport.Run run = export.prepare(from, to, actor);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"conversations.csv\"");
        var writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
            run.to(row -> {
                try {
                    csv.printRecord(cells(row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @GetMapping("/export.json")
    @Operation(summary = "The per-conversation export as a JSON array of objects (times ISO-8601, durations in seconds)")
    void json(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to, Actor actor,
              HttpServletResponse response) throws IOException {
        ConversationExport.Run run = export.prepare(from, to, actor);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
            out.writeStartArray();
            run.to(out::writePOJO);
            out.writeEndArray();
        }
    }

    /** CSV when the client ranks text/csv above application/json (and above any wildcard); JSON otherwise. */
    static boolean prefersCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        for (MediaType type : MediaType.parseMediaTypes(accept).stream()
                .sorted((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue())).toList()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
            if (type.isCompatibleWith(new MediaType("text", "csv"))) {
                return true;
            }
        }
        return false;
    }

    private static List<Object> cells(ExportedConversation c) {
        return java.util.Arrays.asList(c.conversationId(), c.openedAt(), c.channel(), c.inboxId(), c.teamId(),
                c.assigneeId(), c.customerId(), c.status(), c.language(), c.sentiment(), String.join(";", c.tags()),
                c.firstInboundAt(), c.firstResponseAt(), c.firstResponseSeconds(), c.firstResolvedAt(),
                c.lastResolvedAt(), c.resolutions(), c.reopens(), c.resolutionSeconds(), c.inboundMessages(),
                c.agentReplies());
    }
}
