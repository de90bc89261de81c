package dev.conversa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The per-conversation export: every measured time and the conversation's state as the events left them, as JSON
 * and CSV; supervisors of the workspace only; 100,000 conversations streamed (the first rows are read while the
 * server is still walking the cursor).
 */
@ConversaIT
class ConversationExportIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void oneRowPerConversationWithItsTimesAndState() {
        Api api = new Api(port, null);
        Api.TestWorkspace ws = api.createWorkspace("Export");
        Api admin = api.as(ws.adminToken());
        long inbox = admin.post("/api/v1/inboxes", "{\"name\":\"Support\",\"channel\":\"API\"}").json().get("id").asLong();
        long team = admin.post("/api/v1/teams", "{\"name\":\"Billing\"}").json().get("id").asLong();
        Instant wrote = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long answered = admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"e1","threadKey":"t1","from":{"kind":"EMAIL","value":"ana@example.com"},"body":"Hola",
                 "occurredAt":"%s"}""".formatted(wrote)).json().get("conversationId").asLong();
        long waiting = admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"e2","threadKey":"t2","from":{"kind":"EMAIL","value":"bea@example.com"},"body":"Hola",
                 "occurredAt":"%s"}""".formatted(wrote.plusSeconds(60))).json().get("conversationId").asLong();
        assertThat(admin.post("/api/v1/conversations/" + answered + "/messages",
                "{\"body\":\"Le ayudamos\",\"visibility\":\"PRIVATE\"}").status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/conversations/" + answered + "/tags", "{\"tags\":[\"refund\",\"vip, urgent\"]}")
                .status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/conversations/" + answered + "/assignment", """
                {"assigneeId":%d,"teamId":%d}""".formatted(ws.adminId(), team)).status()).isEqualTo(200);
        for (String status : new String[]{"RESOLVED", "OPEN", "RESOLVED"}) {
            assertThat(admin.patch("/api/v1/conversations/" + answered, "{\"status\":\"" + status + "\"}").status())
                    .isEqualTo(200);
        }
        String range = "?from=" + wrote.minusSeconds(60) + "&to=" + Instant.now().plusSeconds(60);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode rows = admin.get("/api/v1/reports/conversations/export.json" + range).json();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("resolutions").asInt()).isEqualTo(2);
            assertThat(rows.get(0).get("status").asString()).isEqualTo("RESOLVED");
            assertThat(rows.get(0).get("tags")).hasSize(2);
            assertThat(rows.get(0).get("teamId").asLong()).isEqualTo(team);
        });
        JsonNode rows = admin.get("/api/v1/reports/conversations/export" + range).json();
        JsonNode first = rows.get(0);
        assertThat(first.get("conversationId").asLong()).isEqualTo(answered);
        assertThat(first.get("channel").asString()).isEqualTo("API");
        assertThat(first.get("inboxId").asLong()).isEqualTo(inbox);
        assertThat(first.get("assigneeId").asLong()).isEqualTo(ws.adminId());
        assertThat(Instant.parse(first.get("firstInboundAt").asString())).isEqualTo(wrote);
        // answered now, an hour after the customer wrote (plus the seconds this test takes)
        assertThat(first.get("firstResponseSeconds").asLong()).isCloseTo(3600, within(60L));
        assertThat(first.get("tags").get(0).asString()).isEqualTo("refund");
        assertThat(first.get("tags").get(1).asString()).isEqualTo("vip, urgent");
        assertThat(first.get("reopens").asInt()).isEqualTo(1);
        assertThat(first.get("inboundMessages").asInt()).isEqualTo(1);
        assertThat(first.get("agentReplies").asInt()).isEqualTo(1);
        assertThat(Instant.parse(first.get("lastResolvedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(first.get("firstResolvedAt").asString()));
        JsonNode second = rows.get(1);
        assertThat(second.get("conversationId").asLong()).isEqualTo(waiting);
        assertThat(second.get("firstResponseAt").isNull()).isTrue();
        assertThat(second.get("firstResponseSeconds").isNull()).isTrue();
        assertThat(second.get("resolutions").asInt()).isZero();
        assertThat(second.get("reopens").asInt()).isZero();
        assertThat(second.get("status").asString()).isEqualTo("OPEN");
        assertThat(second.get("tags")).isEmpty();

        // Accept: */* gets JSON, text/csv ranked first gets CSV
        var anything = admin.send("GET", "/api/v1/reports/conversations/export" + range, null, null);
        assertThat(anything.contentType()).startsWith("application/json");
        assertThat(admin.getAny("/api/v1/reports/conversations/export.csv" + range).body())
                .startsWith("conversation_id,opened_at,channel,inbox_id,team_id,assignee_id,customer_id,status,");
        var negotiated = csvByAccept(range, ws.adminToken());
        String[] lines = negotiated.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith(answered + ",").contains(",RESOLVED,").contains("\"refund;vip, urgent\"")
                .contains("," + wrote + ",");
        assertThat(lines[2]).startsWith(waiting + ",");

        // another workspace's supervisor exports nothing of this one; an agent is refused
        Api other = new Api(port, null);
        Api stranger = other.as(other.createWorkspace("Export elsewhere").adminToken());
        assertThat(stranger.get("/api/v1/reports/conversations/export.json" + range).json()).isEmpty();
        String agent = admin.post("/api/v1/tokens", "{\"name\":\"agent\",\"role\":\"AGENT\"}").json().get("token").asString();
        var refused = admin.as(agent).get("/api/v1/reports/conversations/export.json" + range);
        assertThat(refused.status()).isEqualTo(403);
        var backwards = admin.get("/api/v1/reports/conversations/export.csv?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.contentType()).startsWith("application/problem+json");
        // refused before anything is written, also when the client asked for CSV
        try {
            var c = (HttpURLConnection) URI.create("http://localhost:" + port
                    + "/api/v1/reports/conversations/export?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                    .toURL().openConnection();
            c.setRequestProperty("Authorization", "Bearer " + ws.adminToken());
            c.setRequestProperty("Accept", "text/csv");
            assertThat(c.getResponseCode()).isEqualTo(400);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String csvByAccept(String range, String token) {
        try {
            var c = (HttpURLConnection) URI.create("http://localhost:" + port + "/api/v1/reports/conversations/export" + range)
                    .toURL().openConnection();
            c.setRequestProperty("Authorization", "Bearer " + token);
            c.setRequestProperty("Accept", "text/csv, application/json;q=0.5");
            assertThat(c.getResponseCode()).isEqualTo(200);
            assertThat(c.getContentType()).startsWith("text/csv");
            return new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * 100,000 conversation facts written with SQL (the events would take minutes): the CSV has one line per
     * conversation, and when the client holds its first line the server is still inside the cursor loop — the rows
     * go out as they are read, not after a list of all of them was built.
     */
    @Test
    void aHundredThousandConversationsAreStreamed() throws Exception {
        Api api = new Api(port, null);
        Api.TestWorkspace ws = api.createWorkspace("Export at scale");
        int n = 100_000;
        long base = 1_000_000_000L * (ws.id() + 1000);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        boolean postgres;
        try (var connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        String series = postgres ? "generate_series(1, " + n + ") AS s(x)" : "SYSTEM_RANGE(1, " + n + ") AS s(x)";
        try {
            jdbc.sql("""
                    INSERT INTO reporting_conversation (conversation_id, workspace_id, inbox_id, channel, opened_at, status)
                    SELECT ? + x, ?, 1, 'EMAIL', CAST(? AS TIMESTAMP WITH TIME ZONE) + x * INTERVAL '1' SECOND, 'OPEN' FROM %s""".formatted(series))
                    .params(base, ws.id(), Timestamp.from(start)).update();
            jdbc.sql("""
                    INSERT INTO reporting_resolution (conversation_id, resolved_at, workspace_id)
                    SELECT ? + x, CAST(? AS TIMESTAMP WITH TIME ZONE) + x * INTERVAL '1' SECOND + INTERVAL '1' HOUR, ? FROM %s WHERE MOD(x, 10) = 0"""
                    .formatted(series)).params(base, Timestamp.from(start), ws.id()).update();

            // A raw HTTP/1.0 socket with a small receive buffer: the kernel cannot take the ~7 MB for the client,
            // so once the client stops reading, a server that streams is stuck writing inside its cursor loop.
            try (var socket = new Socket()) {
                socket.setReceiveBufferSize(8192);
                socket.connect(new InetSocketAddress("localhost", port));
                socket.getOutputStream().write(("GET /api/v1/reports/conversations/export.csv"
                        + "?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z HTTP/1.0\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + ws.adminToken() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 1024);
                assertThat(in.readLine()).startsWith("HTTP/1.1 200");
                while (!in.readLine().isEmpty()) {
                    // headers
                }
                assertThat(in.readLine()).startsWith("conversation_id,");
                assertThat(in.readLine()).startsWith((base + 1) + ",2026-01-01T00:00:01Z,EMAIL,");
                assertThat(serverStillInCursorLoop()).as("export thread inside ExportQuery.each").isTrue();
                long lines = 2;
                long resolved = 0;
                for (String line; (line = in.readLine()) != null; lines++) {
                    if (line.contains(",OPEN,") && line.endsWith(",1,0,3600,0,0")) {
                        resolved++;
                    }
                }
                assertThat(lines).isEqualTo(n + 1);
                assertThat(resolved).isEqualTo(n / 10);
            }
        } finally {
            jdbc.sql("DELETE FROM reporting_resolution WHERE workspace_id = ?").param(ws.id()).update();
            jdbc.sql("DELETE FROM reporting_conversation WHERE workspace_id = ?").param(ws.id()).update();
        }
    }

    /**
     * Whether a thread of this JVM (the server runs in it) is inside {@link ExportQuery#each}. Requests run on virtual
     * threads, which {@link Thread#getAllStackTraces()} leaves out; the HotSpot thread dump includes them.
     */
    private static boolean serverStillInCursorLoop() throws Exception {
        var diagnostics = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        Path dump = Files.createTempDirectory("export-it").resolve("threads.txt");
        try {
            diagnostics.dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            return Files.readString(dump).contains(ExportQuery.class.getName() + ".each(");
        } finally {
            Files.deleteIfExists(dump);
            Files.deleteIfExists(dump.getParent());
        }
    }
}
