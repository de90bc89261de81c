package dev.conversa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * SLA achievement per target, read from the sla module's timers through its API: with a 60-minute first-response
 * target, a conversation answered at once meets it, one whose due time has passed unanswered breaches it (the SLA
 * check runs every 300 ms here instead of 30 s), one just opened is in progress.
 */
@ConversaIT
@TestPropertySource(properties = "conversa.sla.check-interval-ms=300")
class SlaAchievementIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void metBreachedAndInProgressPerTarget() {
        Api api = new Api(port, null);
        Api admin = api.as(api.createWorkspace("SLA report").adminToken());
        assertThat(admin.post("/api/v1/sla-policies", "{\"name\":\"Todo\",\"firstResponseMinutes\":60}").status())
                .isEqualTo(201);
        long inbox = admin.post("/api/v1/inboxes", "{\"name\":\"Door\",\"channel\":\"API\"}").json().get("id").asLong();
        Instant now = Instant.now();
        long answered = inbound(admin, inbox, "a", now);
        long late = inbound(admin, inbox, "b", now);
        inbound(admin, inbox, "c", now);
        String range = "?from=" + now.minus(Duration.ofDays(1)) + "&to=" + now.plus(Duration.ofHours(1));
        // the clocks start when the sla module hears of the conversations: answer once they run
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode first = target(admin.get("/api/v1/reports/sla" + range).json(), "FIRST_RESPONSE");
            assertThat(first.get("breached").asLong() + first.get("inProgress").asLong()).isEqualTo(3);
        });
        // the clock starts when the conversation opens (now): its due time is moved an hour back instead of waiting
        // an hour; the sla module's own check then breaches it
        jdbc.sql("UPDATE sla_timer SET due_at = ? WHERE conversation_id = ? AND kind = 'FIRST_RESPONSE'")
                .params(java.sql.Timestamp.from(now.minus(Duration.ofHours(1))), late).update();
        assertThat(admin.post("/api/v1/conversations/" + answered + "/messages",
                "{\"body\":\"Le ayudamos\",\"visibility\":\"PRIVATE\"}").status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode first = target(admin.get("/api/v1/reports/sla" + range).json(), "FIRST_RESPONSE");
            assertThat(first.get("met").asLong()).isEqualTo(1);
            assertThat(first.get("breached").asLong()).isEqualTo(1);
            assertThat(first.get("inProgress").asLong()).isEqualTo(1);
            assertThat(first.get("achievement").asDouble()).isEqualTo(0.5);
        });
        JsonNode next = target(admin.get("/api/v1/reports/sla" + range).json(), "NEXT_RESPONSE");
        assertThat(next.get("met").asLong() + next.get("breached").asLong() + next.get("inProgress").asLong()).isZero();
        assertThat(next.get("achievement").isNull()).isTrue();

        Api stranger = api.as(api.createWorkspace("SLA elsewhere").adminToken());
        JsonNode theirs = target(stranger.get("/api/v1/reports/sla" + range).json(), "FIRST_RESPONSE");
        assertThat(theirs.get("met").asLong() + theirs.get("breached").asLong() + theirs.get("inProgress").asLong()).isZero();
    }

    private static long inbound(Api admin, long inbox, String id, Instant at) {
        return admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"%s","threadKey":"%s","from":{"kind":"EMAIL","value":"%s@example.com"},"body":"Hola",
                 "occurredAt":"%s"}""".formatted(id, id, id, at)).json().get("conversationId").asLong();
    }

    private static JsonNode target(JsonNode report, String kind) {
        for (JsonNode t : report.get("targets")) {
            if (t.get("kind").asString().equals(kind)) {
                return t;
            }
        }
        throw new AssertionError("no target " + kind + " in " + report);
    }
}
