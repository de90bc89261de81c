package dev.conversa.automation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.zaxxer.hikari.HikariDataSource;
import dev.conversa.ConversaApplication;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Automation webhooks end to end against a WireMock receiver: signed, retried with backoff and Retry-After,
 * dead-lettered after the last attempt and replayable, and kept in the database across a restart. The test profile
 * shortens the schedule to 200 ms doubling up to 1 s, 4 attempts.
 */
@ConversaIT
class WebhookIT {
    static WireMockServer receiver;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    WebhookDispatcher dispatcher;
    @Autowired
    WebhookQueue queue;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    Api admin;
    long inbox;
    String path;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @BeforeEach
    void setUp() {
        Api api = new Api(port, null);
        admin = api.as(api.createWorkspace("Webhooks").adminToken());
        inbox = admin.post("/api/v1/inboxes", """
                {"name":"API","channel":"API"}""").json().get("id").asLong();
        path = "/hooks/" + UUID.randomUUID();
        var rule = admin.post("/api/v1/automation-rules", """
                {"name":"Avisar al CRM","trigger":"MESSAGE_RECEIVED","actions":[{"type":"WEBHOOK","value":"%s"}]}"""
                .formatted(receiver.baseUrl() + path));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
    }

    long ingest(String body) {
        String id = UUID.randomUUID().toString();
        var r = admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"%s","threadKey":"%s","from":{"kind":"EMAIL","value":"ana@example.com","name":"Ana"},"body":%s}"""
                .formatted(id, id, Api.quote(body)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("conversationId").asLong();
    }

    /** What the receiver got, oldest first. */
    List<LoggedRequest> received() {
        return receiver.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    JsonNode onlyWebhook() {
        JsonNode page = admin.get("/api/v1/automation/webhooks").json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        return page.get("items").get(0);
    }

    List<String> attemptLog(long id) {
        var log = new ArrayList<String>();
        admin.get("/api/v1/automation/webhooks/" + id + "/attempts").json().forEach(a -> log.add(a.get("attempt").asInt()
                + ":" + (a.get("statusCode").isNull() ? "none" : a.get("statusCode").asInt()) + ":" + a.get("outcome").asString()));
        return log;
    }

    /** What a receiver does with the secret its admin gave it: recompute HMAC-SHA256 over "t.body". */
    static boolean signedWith(String secret, LoggedRequest request) throws Exception {
        String header = request.getHeader("X-Conversa-Signature");
        String t = header.replaceAll("^t=(\\d+),v1=[0-9a-f]{64}$", "$1");
        String v1 = header.substring(header.indexOf("v1=") + 3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + request.getBodyAsString())
                .getBytes(StandardCharsets.UTF_8)));
        return expected.equals(v1) && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) < 300;
    }

    @Test
    void aRuleThatFiresSendsASignedWebhookOnce() throws Exception {
        receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
        long conversation = ingest("¿Dónde está mi pedido?");

        await().atMost(Duration.ofSeconds(10)).until(() -> received().size() == 1);
        LoggedRequest request = received().getFirst();
        String secret = admin.get("/api/v1/automation/webhook-secret").json().get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(signedWith(secret, request)).as(request.getHeader("X-Conversa-Signature")).isTrue();
        assertThat(signedWith("whsec_someone-else", request)).isFalse();
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("X-Conversa-Event")).isEqualTo("MESSAGE_RECEIVED");
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertThat(body.get("conversationId").asLong()).isEqualTo(conversation);
        assertThat(body.get("event").asString()).isEqualTo("MESSAGE_RECEIVED");
        assertThat(body.get("ruleName").asString()).isEqualTo("Avisar al CRM");
        assertThat(body.get("id").asString()).isEqualTo(request.getHeader("X-Conversa-Delivery"));

        await().atMost(Duration.ofSeconds(5)).until(() -> onlyWebhook().get("status").asString().equals("DELIVERED"));
        JsonNode webhook = onlyWebhook();
        assertThat(webhook.get("attempts").asInt()).isEqualTo(1);
        assertThat(webhook.get("payload").asString()).isEqualTo(request.getBodyAsString());
        assertThat(attemptLog(webhook.get("id").asLong())).containsExactly("1:204:DELIVERED");
        JsonNode attempt = admin.get("/api/v1/automation/webhooks/" + webhook.get("id").asLong() + "/attempts").json().get(0);
        assertThat(attempt.get("latencyMs").asLong()).isBetween(0L, 10_000L);
        assertThat(attempt.get("attemptedAt").asString()).isNotBlank();

        // the secret is stored sealed, never as itself
        String sealed = jdbc.sql("SELECT sealed_secret FROM automation_webhook_secret WHERE workspace_id = ?")
                .param(body.get("workspaceId").asLong()).query(String.class).single();
        assertThat(sealed).startsWith("v1:").doesNotContain(secret.substring(6));
        Thread.sleep(500);
        assertThat(received()).as("delivered once").hasSize(1);
    }

    @Test
    void aReceiverAnswering503ThenOkGetsItOnTheRetryItAskedFor() throws Exception {
        receiver.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2").withBody("busy, come back later"))
                .willSetStateTo("up"));
        receiver.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        ingest("Hola");
        await().atMost(Duration.ofSeconds(10)).until(() -> received().size() == 1);
        String old = admin.get("/api/v1/automation/webhook-secret").json().get("secret").asString();
        // rotated while the retry waits: the retry is signed with the new secret
        String rotated = admin.post("/api/v1/automation/webhook-secret", null).json().get("secret").asString();
        assertThat(rotated).isNotEqualTo(old);

        await().atMost(Duration.ofSeconds(15)).until(() -> onlyWebhook().get("status").asString().equals("DELIVERED"));
        JsonNode webhook = onlyWebhook();
        long id = webhook.get("id").asLong();
        assertThat(webhook.get("attempts").asInt()).isEqualTo(2);
        assertThat(attemptLog(id)).containsExactly("1:503:RETRY", "2:200:DELIVERED");
        JsonNode log = admin.get("/api/v1/automation/webhooks/" + id + "/attempts").json();
        assertThat(log.get(0).get("error").asString()).isEqualTo("HTTP 503: busy, come back later");
        Duration between = Duration.between(Instant.parse(log.get(0).get("attemptedAt").asString()),
                Instant.parse(log.get(1).get("attemptedAt").asString()));
        assertThat(between).as("Retry-After: 2 outweighs the 200 ms backoff").isGreaterThanOrEqualTo(Duration.ofMillis(1900));

        List<LoggedRequest> requests = received();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeader("X-Conversa-Delivery")).isEqualTo(requests.get(0).getHeader("X-Conversa-Delivery"));
        assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
        assertThat(signedWith(old, requests.get(0))).isTrue();
        assertThat(signedWith(rotated, requests.get(1))).isTrue();
        assertThat(signedWith(old, requests.get(1))).isFalse();
    }

    @Test
    void aRedirectIsAFailedAttemptNotFollowed() {
        receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(301)
                .withHeader("Location", receiver.baseUrl() + path + "/moved")));
        receiver.stubFor(post(urlPathEqualTo(path + "/moved")).willReturn(aResponse().withStatus(200)));
        ingest("Hola");
        await().atMost(Duration.ofSeconds(10)).until(() -> !attemptLog(onlyWebhook().get("id").asLong()).isEmpty());
        assertThat(attemptLog(onlyWebhook().get("id").asLong()).getFirst()).isEqualTo("1:301:RETRY");
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo(path + "/moved")))).isEmpty();
    }

    @Test
    void aRuleWhoseTransactionRollsBackQueuesNoWebhook() throws Exception {
        receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        // runs after the webhook rule, in the same transaction, and fails: its team is deleted after the rule was saved
        long team = admin.post("/api/v1/teams", """
                {"name":"Disuelto"}""").json().get("id").asLong();
        var failing = admin.post("/api/v1/automation-rules", """
                {"name":"Equipo disuelto","trigger":"MESSAGE_RECEIVED","position":200,
                 "actions":[{"type":"ASSIGN_TEAM","value":"%d"}]}""".formatted(team));
        assertThat(failing.status()).as(failing.body()).isEqualTo(201);
        assertThat(admin.send("DELETE", "/api/v1/teams/" + team, null, null).status()).isEqualTo(204);
        long conversation = ingest("Hola");
        String id = "%\"conversationId\":" + conversation;
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%AutomationListener%' AND status = 'FAILED'
                    AND (serialized_event LIKE ? OR serialized_event LIKE ?)""")
                .params(id + ",%", id + "}%").query(Long.class).single() > 0);
        Thread.sleep(500);
        assertThat(admin.get("/api/v1/automation-rules/runs?conversationId=" + conversation).json().size()).isZero();
        assertThat(admin.get("/api/v1/automation/webhooks").json().get("total").asLong()).isZero();
        assertThat(received()).isEmpty();
    }

    @Test
    void aReceiverAlwaysFailingEndsInTheDeadLettersAndAReplayDeliversItOnceFixed() {
        receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500).withBody("NullPointerException")));
        ingest("No me llega la factura");

        await().atMost(Duration.ofSeconds(15)).until(() ->
                admin.get("/api/v1/automation/webhooks/dead-letters").json().get("total").asLong() == 1);
        JsonNode dead = admin.get("/api/v1/automation/webhooks/dead-letters").json().get("items").get(0);
        long id = dead.get("id").asLong();
        assertThat(dead.get("status").asString()).isEqualTo("DEAD");
        assertThat(dead.get("attempts").asInt()).isEqualTo(4);
        assertThat(dead.get("lastStatusCode").asInt()).isEqualTo(500);
        assertThat(dead.get("lastError").asString()).isEqualTo("HTTP 500: NullPointerException");
        assertThat(attemptLog(id)).containsExactly("1:500:RETRY", "2:500:RETRY", "3:500:RETRY", "4:500:DEAD");
        assertThat(received()).hasSize(4);
        String agentToken = admin.post("/api/v1/tokens", """
                {"name":"bot","role":"AGENT"}""").json().get("token").asString();
        assertThat(admin.as(agentToken).get("/api/v1/automation/webhooks/dead-letters").status()).isEqualTo(403);
        assertThat(admin.as(agentToken).post("/api/v1/automation/webhooks/" + id + "/replay", null).status()).isEqualTo(403);

        // the rule goes; its dead letter stays and can still be replayed
        long rule = admin.get("/api/v1/automation-rules").json().get(0).get("id").asLong();
        assertThat(admin.send("DELETE", "/api/v1/automation-rules/" + rule, null, null).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/automation/webhooks/dead-letters").json().get("total").asLong()).isEqualTo(1);
        receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        var replayed = admin.post("/api/v1/automation/webhooks/" + id + "/replay", null);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().get("status").asString()).isIn("PENDING", "SENDING", "DELIVERED");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                admin.get("/api/v1/automation/webhooks/" + id).json().get("status").asString().equals("DELIVERED"));
        assertThat(received()).hasSize(5);
        assertThat(received().stream().map(r -> r.getHeader("X-Conversa-Delivery")).distinct()).as("one delivery id")
                .hasSize(1);
        assertThat(attemptLog(id)).containsExactly("1:500:RETRY", "2:500:RETRY", "3:500:RETRY", "4:500:DEAD", "1:200:DELIVERED");
        assertThat(admin.get("/api/v1/automation/webhooks/dead-letters").json().get("total").asLong()).isZero();

        var again = admin.post("/api/v1/automation/webhooks/" + id + "/replay", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        Api other = new Api(port, null);
        Api stranger = other.as(other.createWorkspace("Other").adminToken());
        assertThat(stranger.post("/api/v1/automation/webhooks/" + id + "/replay", null).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/automation/webhooks/" + id + "/attempts").status()).isEqualTo(404);
        var badStatus = admin.get("/api/v1/automation/webhooks?status=LOST");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aQueuedWebhookSurvivesARestartAndOneClaimedByADeadNodeIsTakenOver() {
        receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        dispatcher.stop();
        try {
            ingest("first, while the worker is down");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    admin.get("/api/v1/automation/webhooks").json().get("total").asLong() == 1);
            long first = onlyWebhook().get("id").asLong();
            assertThat(onlyWebhook().get("status").asString()).isEqualTo("PENDING");

            // a second node on the same database (the restarted process) delivers what the first one queued
            String url = ((HikariDataSource) dataSource).getJdbcUrl();
            try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(ConversaApplication.class)
                    .profiles("test")
                    .run("--spring.datasource.url=" + url, "--server.port=0",
                            // the event registry's own recovery is not what is tested here
                            "--spring.modulith.events.republish-outstanding-events-on-restart=false")) {
                await().atMost(Duration.ofSeconds(15)).until(() -> received().size() == 1);
                await().atMost(Duration.ofSeconds(5)).until(() ->
                        admin.get("/api/v1/automation/webhooks/" + first).json().get("status").asString().equals("DELIVERED"));
            }

            // a node that claimed a webhook and died: its lease runs out and this node takes the webhook over
            ingest("second, claimed by a node that then died");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    admin.get("/api/v1/automation/webhooks?status=PENDING").json().get("total").asLong() == 1);
            long second = admin.get("/api/v1/automation/webhooks?status=PENDING").json().get("items").get(0).get("id").asLong();
            Instant now = Instant.now();
            assertThat(queue.claim(second, "node-that-died", now, now.plusMillis(300))).isPresent();
            assertThat(admin.get("/api/v1/automation/webhooks/" + second).json().get("status").asString()).isEqualTo("SENDING");
        } finally {
            dispatcher.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> received().size() == 2);
        // the receiver has the request before the dispatcher commits DELIVERED: wait for the commit
        await().atMost(Duration.ofSeconds(5)).until(() ->
                admin.get("/api/v1/automation/webhooks?status=DELIVERED").json().get("total").asLong() == 2);
        JsonNode second = admin.get("/api/v1/automation/webhooks?status=DELIVERED").json();
        JsonNode takenOver = second.get("items").get(0);
        assertThat(takenOver.get("attempts").asInt()).as("the dead node's attempt counts").isEqualTo(2);
        assertThat(attemptLog(takenOver.get("id").asLong())).containsExactly("2:200:DELIVERED");
    }
}
