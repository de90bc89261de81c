package dev.conversa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * First-contact resolution across channels and next response time, from a scripted history of facts with known
 * times (email, chat, SMS; written with SQL so every time is exact): a customer who comes back by another channel
 * within the window was not resolved at first contact; the window is the workspace's setting.
 */
@ConversaIT
class FirstContactResolutionIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private long base;
    private long messages;
    private final List<Long> workspaces = new ArrayList<>();

    private void conversation(long ws, long id, String channel, long customer, String openedAt) {
        workspaces.add(ws);
        jdbc.sql("""
                INSERT INTO reporting_conversation (conversation_id, workspace_id, inbox_id, channel, opened_at, customer_id, status)
                VALUES (?, ?, 1, ?, ?, ?, 'OPEN')""")
                .params(base + id, ws, channel, ts(openedAt), base + customer).update();
    }

    private void message(long ws, long conversation, String direction, String authorType, String at) {
        jdbc.sql("""
                INSERT INTO reporting_message (message_id, workspace_id, conversation_id, direction, author_type, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(base + 1000 + messages++, ws, base + conversation, direction, authorType, ts(at)).update();
    }

    private void in(long ws, long conversation, String at) {
        message(ws, conversation, "IN", "CUSTOMER", at);
    }

    private void reply(long ws, long conversation, String at) {
        message(ws, conversation, "OUT", "AGENT", at);
    }

    private void resolved(long ws, long conversation, String at) {
        jdbc.sql("INSERT INTO reporting_resolution (conversation_id, resolved_at, workspace_id) VALUES (?, ?, ?)")
                .params(base + conversation, ts(at), ws).update();
    }

    private static Timestamp ts(String at) {
        return Timestamp.from(Instant.parse(at));
    }

    @Test
    void aCustomerBackByAnotherChannelWithinTheWindowWasNotResolvedAtFirstContact() {
        Api api = new Api(port, null);
        Api.TestWorkspace ws = api.createWorkspace("First contact");
        Api.TestWorkspace elsewhere = api.createWorkspace("First contact elsewhere");
        Api admin = api.as(ws.adminToken());
        long w = ws.id();
        base = 1_000_000_000L * (w + 2000);
        long ana = 1, bea = 2, carla = 3, dan = 4, eva = 5;
        Instant now = Instant.now();
        try {
            // 1 email: answered once, resolved; Ana comes back by chat 3 days later -> not first contact
            conversation(w, 1, "EMAIL", ana, "2026-01-05T09:00:00Z");
            in(w, 1, "2026-01-05T09:00:00Z");
            reply(w, 1, "2026-01-05T10:00:00Z");
            resolved(w, 1, "2026-01-05T11:00:00Z");
            // 2 chat: two agent replies before the resolution -> not first contact; next response 09:05 -> 09:10
            conversation(w, 2, "WEBCHAT", ana, "2026-01-08T09:00:00Z");
            in(w, 2, "2026-01-08T09:00:00Z");
            reply(w, 2, "2026-01-08T09:02:00Z");
            in(w, 2, "2026-01-08T09:05:00Z");
            in(w, 2, "2026-01-08T09:06:00Z");
            reply(w, 2, "2026-01-08T09:10:00Z");
            resolved(w, 2, "2026-01-08T09:15:00Z");
            // 3 SMS: one reply, resolved; Bea writes again by email 8 days later -> first contact (7-day window)
            conversation(w, 3, "SMS", bea, "2026-01-10T12:00:00Z");
            in(w, 3, "2026-01-10T12:00:00Z");
            reply(w, 3, "2026-01-10T12:30:00Z");
            resolved(w, 3, "2026-01-10T13:00:00Z");
            // 4 email, not resolved; next response 01-19 08:00 -> 09:00
            conversation(w, 4, "EMAIL", bea, "2026-01-18T13:00:00Z");
            in(w, 4, "2026-01-18T13:00:00Z");
            reply(w, 4, "2026-01-18T14:00:00Z");
            in(w, 4, "2026-01-19T08:00:00Z");
            reply(w, 4, "2026-01-19T09:00:00Z");
            // 5 SMS: one reply, resolved, reopened and resolved again -> not first contact
            conversation(w, 5, "SMS", carla, "2026-01-20T10:00:00Z");
            in(w, 5, "2026-01-20T10:00:00Z");
            reply(w, 5, "2026-01-20T10:10:00Z");
            resolved(w, 5, "2026-01-20T10:20:00Z");
            resolved(w, 5, "2026-01-21T10:00:00Z");
            // 6 chat: resolved without an agent reply -> not first contact
            conversation(w, 6, "WEBCHAT", dan, "2026-01-22T10:00:00Z");
            in(w, 6, "2026-01-22T10:00:00Z");
            resolved(w, 6, "2026-01-22T10:30:00Z");
            // 7 email two days ago: one reply, resolved, window still open -> pending
            String twoDaysAgo = now.minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            conversation(w, 7, "EMAIL", eva, twoDaysAgo);
            in(w, 7, twoDaysAgo);
            reply(w, 7, Instant.parse(twoDaysAgo).plusSeconds(3600).toString());
            resolved(w, 7, Instant.parse(twoDaysAgo).plusSeconds(7200).toString());
            // another workspace's customer with Bea's id writes within her window: not the same person
            conversation(elsewhere.id(), 8, "SMS", bea, "2026-01-12T12:00:00Z");
            in(elsewhere.id(), 8, "2026-01-12T12:00:00Z");

            String range = "?from=2026-01-01T00:00:00Z&to=" + now.plus(Duration.ofDays(1));
            JsonNode report = admin.get("/api/v1/reports/conversations" + range + "&by=channel").json();
            JsonNode all = report.get("overall");
            assertThat(all.get("opened").asInt()).isEqualTo(7);
            assertThat(all.get("resolved").asInt()).isEqualTo(6);
            assertThat(all.get("fcrDecided").asInt()).isEqualTo(5);
            assertThat(all.get("firstContactResolved").asInt()).isEqualTo(1);
            assertThat(all.get("fcrPending").asInt()).isEqualTo(1);
            assertThat(all.get("fcrRate").asDouble()).isEqualTo(0.2);
            JsonNode next = all.get("nextResponse");
            assertThat(next.get("count").asInt()).isEqualTo(2);
            assertThat(next.get("meanSeconds").asLong()).isEqualTo(1950);
            assertThat(next.get("medianSeconds").asLong()).isEqualTo(1950);
            assertThat(next.get("p90Seconds").asLong()).isEqualTo(3600);
            // first response is unchanged by the next ones: 3,600, 120, 1,800, 3,600, 600, 3,600
            assertThat(all.get("firstResponse").get("count").asInt()).isEqualTo(6);

            JsonNode groups = report.get("groups");
            assertThat(groups).extracting(g -> g.get("group").asString()).containsExactly("EMAIL", "SMS", "WEBCHAT");
            JsonNode email = groups.get(0), sms = groups.get(1), chat = groups.get(2);
            assertThat(email.get("fcrDecided").asInt()).isEqualTo(1);
            assertThat(email.get("firstContactResolved").asInt()).isZero();
            assertThat(email.get("fcrPending").asInt()).isEqualTo(1);
            assertThat(email.get("nextResponse").get("meanSeconds").asLong()).isEqualTo(3600);
            assertThat(sms.get("fcrDecided").asInt()).isEqualTo(2);
            assertThat(sms.get("firstContactResolved").asInt()).isEqualTo(1);
            assertThat(sms.get("fcrRate").asDouble()).isEqualTo(0.5);
            assertThat(sms.get("nextResponse").get("count").asInt()).isZero();
            assertThat(chat.get("fcrRate").asDouble()).isEqualTo(0.0);
            assertThat(chat.get("nextResponse").get("meanSeconds").asLong()).isEqualTo(300);

            var csv = admin.getAny("/api/v1/reports/conversations.csv" + range).body().split("\r\n");
            assertThat(csv[0]).endsWith(",next_response_count,next_response_mean_s,next_response_median_s,next_response_p90_s,"
                    + "next_response_business_count,next_response_business_mean_s,next_response_business_median_s,"
                    + "next_response_business_p90_s,fcr_decided,fcr,fcr_pending,fcr_rate");
            assertThat(csv[1]).endsWith(",2,1950,1950,3600,,,,,5,1,1,0.2");

            // A 10-day window: Bea, back after 8 days, was not resolved at first contact either
            assertThat(admin.get("/api/v1/reports/settings").json().get("fcrWindowDays").asInt()).isEqualTo(7);
            assertThat(admin.put("/api/v1/reports/settings", "{\"fcrWindowDays\":10}").json().get("fcrWindowDays").asInt())
                    .isEqualTo(10);
            JsonNode ten = admin.get("/api/v1/reports/conversations" + range).json().get("overall");
            assertThat(ten.get("firstContactResolved").asInt()).isZero();
            assertThat(ten.get("fcrDecided").asInt()).isEqualTo(5);
            assertThat(ten.get("fcrRate").asDouble()).isEqualTo(0.0);

            var zero = admin.put("/api/v1/reports/settings", "{\"fcrWindowDays\":0}");
            assertThat(zero.status()).isEqualTo(400);
            assertThat(zero.contentType()).startsWith("application/problem+json");
            String supervisor = admin.post("/api/v1/tokens", "{\"name\":\"sup\",\"role\":\"SUPERVISOR\"}").json()
                    .get("token").asString();
            assertThat(admin.as(supervisor).put("/api/v1/reports/settings", "{\"fcrWindowDays\":3}").status()).isEqualTo(403);
            assertThat(admin.as(supervisor).get("/api/v1/reports/settings").json().get("fcrWindowDays").asInt()).isEqualTo(10);

            JsonNode theirs = api.as(elsewhere.adminToken()).get("/api/v1/reports/conversations" + range).json().get("overall");
            assertThat(theirs.get("opened").asInt()).isEqualTo(1);
            assertThat(theirs.get("resolved").asInt()).isZero();
        } finally {
            for (long id : workspaces) {
                jdbc.sql("DELETE FROM reporting_message WHERE workspace_id = ?").param(id).update();
                jdbc.sql("DELETE FROM reporting_resolution WHERE workspace_id = ?").param(id).update();
                jdbc.sql("DELETE FROM reporting_conversation WHERE workspace_id = ?").param(id).update();
            }
        }
    }

    /** Through the events: one person reached by email and by phone is one customer in the facts. */
    @Test
    void theFactsKnowOnePersonAcrossChannels() {
        Api api = new Api(port, null);
        Api admin = api.as(api.createWorkspace("One person").adminToken());
        long inbox = admin.post("/api/v1/inboxes", "{\"name\":\"Door\",\"channel\":\"API\"}").json().get("id").asLong();
        long customer = admin.post("/api/v1/customers", "{\"name\":\"Ana\"}").json().get("id").asLong();
        assertThat(admin.post("/api/v1/customers/" + customer + "/identities", "{\"kind\":\"EMAIL\",\"value\":\"ana@example.com\"}")
                .status()).isLessThan(300);
        assertThat(admin.post("/api/v1/customers/" + customer + "/identities", "{\"kind\":\"PHONE\",\"value\":\"+34 600 000 001\"}")
                .status()).isLessThan(300);
        long byMail = admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"m1","threadKey":"m1","from":{"kind":"EMAIL","value":"ana@example.com"},"body":"Hola"}""")
                .json().get("conversationId").asLong();
        long byPhone = admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"s1","threadKey":"s1","from":{"kind":"PHONE","value":"+34600000001"},"body":"Hola otra vez"}""")
                .json().get("conversationId").asLong();
        assertThat(byPhone).isNotEqualTo(byMail);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode rows = admin.get("/api/v1/reports/conversations/export.json").json();
            assertThat(rows).hasSize(2);
            assertThat(rows).allSatisfy(r -> assertThat(r.get("customerId").asLong()).isEqualTo(customer));
        });
    }
}
