package dev.conversa.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Volumes by channel, team, agent and tag, and the backlog by age, from a scripted history of facts (SQL, exact
 * times); one workspace's facts only; agents refused.
 */
@ConversaIT
class BreakdownReportsIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private long ws;
    private long base;
    private long messages;

    private void conversation(long id, String channel, long inbox, Long team, Long assignee, String status,
                              Instant openedAt, String... tags) {
        jdbc.sql("""
                INSERT INTO reporting_conversation (conversation_id, workspace_id, inbox_id, channel, opened_at, team_id,
                    assignee_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(base + id, ws, inbox, channel, Timestamp.from(openedAt), team, assignee, status).update();
        for (String tag : tags) {
            jdbc.sql("INSERT INTO reporting_tag (conversation_id, tag, workspace_id) VALUES (?, ?, ?)")
                    .params(base + id, tag, ws).update();
        }
    }

    private void message(long conversation, String direction, String authorType, Long author, String at) {
        jdbc.sql("""
                INSERT INTO reporting_message (message_id, workspace_id, conversation_id, direction, author_type, author_id,
                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(base + 1000 + messages++, ws, base + conversation, direction, authorType, author,
                        Timestamp.from(Instant.parse(at))).update();
    }

    private static Map<String, List<Long>> byGroup(JsonNode report) {
        Map<String, List<Long>> out = new HashMap<>();
        for (JsonNode g : report.get("groups")) {
            out.put(g.get("group").asString(), List.of(g.get("opened").asLong(), g.get("inbound").asLong(),
                    g.get("outbound").asLong(), g.get("resolved").asLong()));
        }
        return out;
    }

    @Test
    void volumesByChannelTeamAgentAndTagAndTheBacklogByAge() {
        Api api = new Api(port, null);
        Api.TestWorkspace workspace = api.createWorkspace("Volumes");
        Api admin = api.as(workspace.adminToken());
        ws = workspace.id();
        base = 1_000_000_000L * (ws + 3000);
        Instant now = Instant.now();
        try {
            conversation(1, "EMAIL", 11, 21L, 31L, "RESOLVED", Instant.parse("2026-02-02T10:00:00Z"), "refund", "vip");
            message(1, "IN", "CUSTOMER", null, "2026-02-02T10:00:00Z");
            message(1, "OUT", "AGENT", 31L, "2026-02-02T10:30:00Z");
            message(1, "IN", "CUSTOMER", null, "2026-02-02T11:00:00Z");
            message(1, "OUT", "AGENT", 32L, "2026-02-02T11:10:00Z"); // a colleague answers once
            jdbc.sql("INSERT INTO reporting_resolution (conversation_id, resolved_at, workspace_id, agent_id) VALUES (?, ?, ?, 31)")
                    .params(base + 1, Timestamp.from(Instant.parse("2026-02-02T12:00:00Z")), ws).update();
            conversation(2, "SMS", 12, null, 32L, "OPEN", Instant.parse("2026-02-03T09:00:00Z"), "refund");
            message(2, "IN", "CUSTOMER", null, "2026-02-03T09:00:00Z");
            message(2, "OUT", "SYSTEM", null, "2026-02-03T09:00:05Z"); // an auto-acknowledgement is no reply
            message(2, "IN", "CUSTOMER", null, "2026-02-03T09:01:00Z");
            // opened in January, written to in February: its message counts, its opening does not
            conversation(3, "EMAIL", 11, 21L, null, "OPEN", Instant.parse("2026-01-31T23:00:00Z"));
            message(3, "IN", "CUSTOMER", null, "2026-02-02T08:00:00Z");
            conversation(4, "WEBCHAT", 13, null, null, "PENDING", now.minus(Duration.ofHours(2)));
            conversation(5, "WEBCHAT", 13, null, null, "SNOOZED", now.minus(Duration.ofMinutes(30)));
            conversation(6, "WEBCHAT", 13, null, null, "CLOSED", now.minus(Duration.ofMinutes(10)));

            String range = "?from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z";
            // [opened, inbound, outbound, resolved]
            assertThat(byGroup(admin.get("/api/v1/reports/volume" + range + "&by=channel").json())).isEqualTo(Map.of(
                    "EMAIL", List.of(1L, 3L, 2L, 1L), "SMS", List.of(1L, 2L, 0L, 0L)));
            assertThat(byGroup(admin.get("/api/v1/reports/volume" + range + "&by=team").json())).isEqualTo(Map.of(
                    "21", List.of(1L, 3L, 2L, 1L), "none", List.of(1L, 2L, 0L, 0L)));
            assertThat(byGroup(admin.get("/api/v1/reports/volume" + range + "&by=agent").json())).isEqualTo(Map.of(
                    "31", List.of(1L, 2L, 1L, 1L), "32", List.of(1L, 2L, 1L, 0L), "none", List.of(0L, 1L, 0L, 0L)));
            assertThat(byGroup(admin.get("/api/v1/reports/volume" + range + "&by=tag").json())).isEqualTo(Map.of(
                    "refund", List.of(2L, 4L, 2L, 1L), "vip", List.of(1L, 2L, 2L, 1L), "none", List.of(0L, 1L, 0L, 0L)));
            assertThat(byGroup(admin.get("/api/v1/reports/volume" + range).json())).isEqualTo(Map.of(
                    "all", List.of(2L, 5L, 2L, 1L)));
            String[] csv = admin.getAny("/api/v1/reports/volume.csv" + range + "&by=inbox").body().split("\r\n");
            assertThat(csv).containsExactly("group,opened,inbound,outbound,resolved", "11,1,3,2,1", "12,1,2,0,0");

            JsonNode backlog = admin.get("/api/v1/reports/backlog").json();
            assertThat(backlog.get("open").asLong()).isEqualTo(4);
            assertThat(backlog.get("byStatus").get("OPEN").asLong()).isEqualTo(2);
            assertThat(backlog.get("byStatus").get("PENDING").asLong()).isEqualTo(1);
            assertThat(backlog.get("byStatus").get("SNOOZED").asLong()).isEqualTo(1);
            assertThat(backlog.get("bands")).extracting(JsonNode::asString)
                    .containsExactly("<1h", "1h-4h", "4h-24h", "1d-3d", "3d-7d", ">=7d");
            assertThat(backlog.get("byAge")).extracting(JsonNode::asLong).containsExactly(1L, 1L, 0L, 0L, 0L, 2L);
            assertThat(Instant.parse(backlog.get("oldestOpenedAt").asString())).isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));

            Api stranger = api.as(api.createWorkspace("Volumes elsewhere").adminToken());
            assertThat(stranger.get("/api/v1/reports/volume" + range + "&by=channel").json().get("groups")).isEmpty();
            assertThat(stranger.get("/api/v1/reports/backlog").json().get("open").asLong()).isZero();
            String agent = admin.post("/api/v1/tokens", "{\"name\":\"agent\",\"role\":\"AGENT\"}").json().get("token").asString();
            assertThat(admin.as(agent).get("/api/v1/reports/volume").status()).isEqualTo(403);
            assertThat(admin.as(agent).get("/api/v1/reports/backlog").status()).isEqualTo(403);
            var planet = admin.get("/api/v1/reports/volume?by=planet");
            assertThat(planet.status()).isEqualTo(400);
            assertThat(planet.contentType()).startsWith("application/problem+json");
        } finally {
            jdbc.sql("DELETE FROM reporting_message WHERE workspace_id = ?").param(ws).update();
            jdbc.sql("DELETE FROM reporting_resolution WHERE workspace_id = ?").param(ws).update();
            jdbc.sql("DELETE FROM reporting_tag WHERE workspace_id = ?").param(ws).update();
            jdbc.sql("DELETE FROM reporting_conversation WHERE workspace_id = ?").param(ws).update();
        }
    }
}
