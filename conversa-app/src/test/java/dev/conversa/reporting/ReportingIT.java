package dev.conversa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The conversation report from the facts the events leave: first response and resolution times (customer's first
 * message → first agent reply / first resolution), reopen rate, per inbox, as JSON and CSV; supervisors only; one
 * workspace's facts only.
 */
@ConversaIT
class ReportingIT {
    @LocalServerPort
    int port;
    Api admin;
    long support;
    long sales;

    @BeforeEach
    void setUp() {
        Api api = new Api(port, null);
        admin = api.as(api.createWorkspace("Reports").adminToken());
        support = admin.post("/api/v1/inboxes", "{\"name\":\"Support\",\"channel\":\"API\"}").json().get("id").asLong();
        sales = admin.post("/api/v1/inboxes", "{\"name\":\"Sales\",\"channel\":\"API\"}").json().get("id").asLong();
    }

    private long inbound(long inbox, String id, Instant at) {
        return admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"%s","threadKey":"%s","from":{"kind":"EMAIL","value":"%s@example.com"},"body":"Hola",
                 "occurredAt":"%s"}""".formatted(id, id, id, at)).json().get("conversationId").asLong();
    }

    private void reply(long conversation) {
        assertThat(admin.post("/api/v1/conversations/" + conversation + "/messages", """
                {"body":"Le ayudamos","visibility":"PRIVATE"}""").status()).isEqualTo(201);
    }

    private void status(long conversation, String status) {
        assertThat(admin.patch("/api/v1/conversations/" + conversation, "{\"status\":\"" + status + "\"}").status())
                .isEqualTo(200);
    }

    @Test
    void firstResponseResolutionAndReopenRatePerInbox() {
        Instant now = Instant.now();
        long anHourAgo = inbound(support, "a", now.minusSeconds(3600));
        long tenMinutesAgo = inbound(support, "b", now.minusSeconds(600));
        long unanswered = inbound(sales, "c", now.minusSeconds(120));
        reply(anHourAgo);
        reply(tenMinutesAgo);
        status(anHourAgo, "RESOLVED");
        status(anHourAgo, "OPEN");
        status(anHourAgo, "RESOLVED");
        status(tenMinutesAgo, "RESOLVED");

        String range = "?from=" + now.minusSeconds(86_400) + "&to=" + now.plusSeconds(3600);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode all = admin.get("/api/v1/reports/conversations" + range).json().get("overall");
            assertThat(all.get("opened").asInt()).isEqualTo(3);
            assertThat(all.get("resolved").asInt()).isEqualTo(2);
            assertThat(all.get("reopened").asInt()).isEqualTo(1);
        });
        JsonNode report = admin.get("/api/v1/reports/conversations" + range + "&by=inbox").json();
        JsonNode all = report.get("overall");
        assertThat(all.get("answered").asInt()).isEqualTo(2);
        assertThat(all.get("awaitingResponse").asInt()).isEqualTo(1);
        assertThat(all.get("reopenRate").asDouble()).isEqualTo(0.5);
        JsonNode frt = all.get("firstResponse");
        assertThat(frt.get("count").asInt()).isEqualTo(2);
        // 3,600 s and 600 s (plus the seconds this test takes): mean and median 2,100, p90 (nearest rank) the larger
        assertThat(frt.get("meanSeconds").asLong()).isCloseTo(2100, within(60L));
        assertThat(frt.get("medianSeconds").asLong()).isCloseTo(2100, within(60L));
        assertThat(frt.get("p90Seconds").asLong()).isCloseTo(3600, within(60L));
        assertThat(all.get("resolution").get("p90Seconds").asLong()).isCloseTo(3600, within(60L));

        assertThat(report.get("groups")).hasSize(2);
        JsonNode salesFigures = report.get("groups").get(String.valueOf(support).compareTo(String.valueOf(sales)) < 0 ? 1 : 0);
        assertThat(salesFigures.get("group").asString()).isEqualTo(String.valueOf(sales));
        assertThat(salesFigures.get("opened").asInt()).isEqualTo(1);
        assertThat(salesFigures.get("firstResponse").get("count").asInt()).isZero();
        assertThat(salesFigures.get("firstResponse").get("meanSeconds").isNull()).isTrue();
        assertThat(salesFigures.get("reopenRate").isNull()).isTrue();

        var csv = admin.getAny("/api/v1/reports/conversations.csv" + range + "&by=channel");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("group,opened,answered,awaiting_response,resolved,reopened,reopen_rate,");
        assertThat(lines[1]).startsWith("all,3,2,1,2,1,0.5,2,");
        assertThat(lines[2]).startsWith("API,3,2,1,2,1,0.5,2,");
        assertThat(unanswered).isPositive();

        // In the business hours of a calendar that is always open, business time is clock time
        long always = admin.post("/api/v1/sla-calendars", """
                {"name":"24/7","timeZone":"UTC","hours":"MONDAY=00:00-24:00;TUESDAY=00:00-24:00;WEDNESDAY=00:00-24:00;THURSDAY=00:00-24:00;FRIDAY=00:00-24:00;SATURDAY=00:00-24:00;SUNDAY=00:00-24:00"}""")
                .json().get("id").asLong();
        JsonNode business = admin.get("/api/v1/reports/conversations" + range + "&calendar=" + always).json();
        assertThat(business.get("calendarId").asLong()).isEqualTo(always);
        assertThat(business.get("overall").get("firstResponseBusiness").get("meanSeconds").asLong())
                .isCloseTo(frt.get("meanSeconds").asLong(), within(2L));
        assertThat(report.get("overall").get("firstResponseBusiness").isNull()).isTrue();
        var csvBusiness = admin.getAny("/api/v1/reports/conversations.csv" + range + "&calendar=" + always);
        assertThat(csvBusiness.body().split("\r\n")[1].split(",")).hasSize(35);
        Api other = new Api(port, null);
        Api stranger = other.as(other.createWorkspace("Calendar thief").adminToken());
        assertThat(stranger.get("/api/v1/reports/conversations?calendar=" + always).status()).isEqualTo(404);
    }

    @Test
    void agentsAnotherWorkspaceAndBadRangesAreRefused() {
        inbound(support, "x", Instant.now().minusSeconds(60));
        Api other = new Api(port, null);
        Api stranger = other.as(other.createWorkspace("Elsewhere").adminToken());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                admin.get("/api/v1/reports/conversations").json().get("overall").get("opened").asInt() == 1);
        assertThat(stranger.get("/api/v1/reports/conversations").json().get("overall").get("opened").asInt()).isZero();

        String agentToken = admin.post("/api/v1/tokens", "{\"name\":\"agent\",\"role\":\"AGENT\"}").json().get("token").asString();
        assertThat(admin.as(agentToken).get("/api/v1/reports/conversations").status()).isEqualTo(403);

        var backwards = admin.get("/api/v1/reports/conversations?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("/api/v1/reports/conversations?by=planet").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/reports/conversations?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").status())
                .isEqualTo(400);
    }
}
