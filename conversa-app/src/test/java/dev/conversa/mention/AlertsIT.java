package dev.conversa.mention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.sun.net.httpserver.HttpServer;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spike alerts on a virtual clock: a topic's hour against the same hour of the four weeks before, judged by the
 * scheduled evaluator; the alert fires once (cooldown), explains itself, and arrives by email (GreenMail), in the
 * workspace's Atom feed (read with Rome) and at a webhook receiver that verifies its HMAC-SHA256 signature.
 */
@ConversaIT
@TestPropertySource(properties = {"conversa.listening.alerts.enabled=true", "conversa.listening.alerts.tick=100ms",
        "conversa.listening.alerts.allow-private-addresses=true", "conversa.listening.alerts.from=alerts@conversa.test"})
class AlertsIT {
    /** Half past nine on Monday 30 March 2026: the hour from 09:00 is still running. */
    static final VirtualClock CLOCK = new VirtualClock(Instant.parse("2026-03-30T09:30:00Z"));
    static GreenMail mail;
    static HttpServer receiver;
    static final List<String[]> hooks = new CopyOnWriteArrayList<>();
    static final java.util.concurrent.atomic.AtomicInteger flakyCalls = new java.util.concurrent.atomic.AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @TestConfiguration
    static class VirtualTime {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    /** A clock the test moves; every reader of the application's {@link Clock} sees the same time. */
    static final class VirtualClock extends Clock {
        private volatile Instant now;

        VirtualClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            hooks.add(new String[] {exchange.getRequestHeaders().getFirst("X-Conversa-Signature"), body});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/flaky", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(flakyCalls.incrementAndGet() <= 2 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        mail.stop();
        receiver.stop(0);
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
    }

    private void deliver(Api admin, String id, String author, Long followers, String at, String text) {
        var r = admin.post("/api/v1/listening/posts", """
                {"source":"twitter","externalId":"%s","author":"%s","authorFollowers":%s,"lang":"es","postedAt":"%s","text":%s}"""
                .formatted(id, author, followers, at, Api.quote(text)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("stored").asInt()).isEqualTo(1);
    }

    private Instant evaluatedUntil(long rule) {
        return jdbc.sql("SELECT evaluated_until FROM listening_alert_rule WHERE id = ?").param(rule)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
                .single().orElse(null); // not yet judged: NULL
    }

    @Test
    void aSpikeAgainstTheSeasonalBaselineFiresOnceExplainsItselfAndArrivesByEveryRoute() throws Exception {
        CLOCK.set(Instant.parse("2026-03-30T09:30:00Z"));
        Installation installation = new Installation(port);
        Api admin = installation.admin;
        String brand = "acme" + System.nanoTime();
        long query = admin.post("/api/v1/listening/queries", "{\"name\":\"Brand\",\"query\":\"" + brand + "\"}").json()
                .get("id").asLong();
        long topic = admin.post("/api/v1/listening/topics", "{\"name\":\"Acme\",\"kind\":\"BRAND\",\"queryIds\":[" + query + "]}")
                .json().get("id").asLong();
        // the same hour (09:00) of the four Mondays before: 3, 2, 3 and 2 posts
        int[] past = {3, 2, 3, 2};
        for (int week = 1; week <= 4; week++) {
            for (int i = 0; i < past[week - 1]; i++) {
                deliver(admin, "w" + week + "-" + i, "@regular" + i, 10L,
                        Instant.parse("2026-03-30T09:10:00Z").minus(Duration.ofDays(7L * week)).plusSeconds(60L * i).toString(),
                        brand + " buen servicio como siempre");
            }
        }
        // this Monday from 09:00: 12 posts, 5 of them by one author
        for (int i = 0; i < 12; i++) {
            deliver(admin, "s" + i, i < 5 ? "@furioso" : "@viajero" + i, 100L * (i + 1),
                    Instant.parse("2026-03-30T09:00:00Z").plusSeconds(240L * i).toString(),
                    brand + " retraso de cuatro horas y nadie informa " + i);
        }
        var created = admin.post("/api/v1/listening/topics/" + topic + "/alert-rules", """
                {"kind":"SPIKE","baselineWeeks":4,"threshold":3.5,"minCount":5,"cooldownMinutes":360,
                 "emailTo":["guardia@acme.test"],"webhookUrl":"http://127.0.0.1:%d/hook"}""".formatted(receiver.getAddress().getPort()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long rule = created.json().get("id").asLong();
        String secret = created.json().get("webhookSecret").asString();
        assertThat(secret).hasSize(48);
        assertThat(admin.get("/api/v1/listening/alert-rules").body()).as("the secret is shown once").doesNotContain(secret);
        assertThat(jdbc.sql("SELECT webhook_secret FROM listening_alert_rule WHERE id = ?").param(rule).query(String.class)
                .single()).as("sealed at rest").doesNotContain(secret);

        // 09:30: the hour before (08:00–09:00) is judged and is quiet
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.parse("2026-03-30T09:00:00Z").equals(evaluatedUntil(rule)));
        assertThat(admin.get("/api/v1/listening/alerts").json()).isEmpty();

        // 10:05: the hour from 09:00 ended, 12 posts against 3, 2, 3, 2
        CLOCK.set(Instant.parse("2026-03-30T10:05:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/v1/listening/alerts").json().size() == 1);
        JsonNode alert = admin.get("/api/v1/listening/alerts").json().get(0);
        assertThat(alert.get("kind").asString()).isEqualTo("SPIKE");
        assertThat(alert.get("topicName").asString()).isEqualTo("Acme");
        assertThat(alert.get("windowStart").asString()).isEqualTo("2026-03-30T09:00:00Z");
        assertThat(alert.get("windowEnd").asString()).isEqualTo("2026-03-30T10:00:00Z");
        assertThat(alert.get("observed").asLong()).isEqualTo(12);
        assertThat(alert.get("baseline").toString()).isEqualTo("[3,2,3,2]");
        assertThat(alert.get("expected").asDouble()).isEqualTo(2.5);
        assertThat(alert.get("bandLow").asDouble()).isZero();
        assertThat(alert.get("bandHigh").asDouble()).isCloseTo(2.5 + 3.5 * 1.4826, within(1e-9));
        assertThat(alert.get("zScore").asDouble()).isCloseTo(9.5 / 1.4826, within(1e-9));
        // five terms, all in the 12 posts: ties go alphabetically; the baseline weeks' words are not in the hour
        assertThat(alert.get("topTerms").toString()).isEqualTo(("[{\"key\":\"%s\",\"posts\":12},{\"key\":\"cuatro\",\"posts\":12},"
                + "{\"key\":\"horas\",\"posts\":12},{\"key\":\"informa\",\"posts\":12},{\"key\":\"nadie\",\"posts\":12}]")
                .formatted(brand));
        assertThat(alert.get("topAuthors").get(0).get("author").asString()).isEqualTo("@furioso");
        assertThat(alert.get("topAuthors").get(0).get("posts").asLong()).isEqualTo(5);
        assertThat(alert.get("samples")).hasSize(3);
        assertThat(alert.get("samples").get(0).get("text").asString()).isEqualTo(brand + " retraso de cuatro horas y nadie informa 11");
        long alertId = alert.get("id").asLong();

        // by email
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage sent = mail.getReceivedMessages()[0];
        assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("guardia@acme.test");
        assertThat(sent.getSubject()).startsWith("[Conversa] Spike on Acme: 12 posts in the hour from 2026-03-30T09:00:00Z (expected 0–8)");
        String text = sent.getContent().toString();
        assertThat(text).contains("Observed: 12").contains("cuatro (12)").contains("@furioso (5)")
                .contains("nadie informa 11");
        // at the webhook, signed
        await().atMost(Duration.ofSeconds(10)).until(() -> hooks.size() == 1);
        String[] hook = hooks.getFirst();
        String t = hook[0].substring(2, hook[0].indexOf(','));
        assertThat(hook[0]).isEqualTo("t=" + t + ",v1=" + AlertDelivery.hmac(secret, t + "." + hook[1]));
        assertThat(Long.parseLong(t)).as("signed at the alert's time").isEqualTo(Instant.parse("2026-03-30T10:05:00Z").getEpochSecond());
        JsonNode payload = JsonMapper.builder().build().readTree(hook[1]);
        assertThat(payload.get("id").asLong()).isEqualTo(alertId);
        assertThat(payload.get("observed").asLong()).isEqualTo(12);
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(admin.get("/api/v1/listening/alerts/" + alertId)
                .json().path("webhookStatus").asString(null)));
        assertThat(admin.get("/api/v1/listening/alerts/" + alertId).json().get("emailStatus").asString()).isEqualTo("sent");
        // in the Atom feed, read without a token
        String feedUrl = admin.get("/api/v1/listening/alert-feed").json().get("url").asString();
        assertThat(admin.get("/api/v1/listening/alert-feed").json().get("url").asString()).as("one feed per workspace")
                .isEqualTo(feedUrl);
        HttpResponse<byte[]> atom = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(feedUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(atom.statusCode()).isEqualTo(200);
        assertThat(atom.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(atom.body())));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).hasSize(1);
        SyndEntry entry = feed.getEntries().getFirst();
        assertThat(entry.getTitle()).isEqualTo(sent.getSubject().substring("[Conversa] ".length()));
        assertThat(entry.getDescription().getValue()).contains("Observed: 12").contains("@furioso (5)");
        assertThat(entry.getPublishedDate().toInstant()).isEqualTo(Instant.parse("2026-03-30T10:05:00Z"));
        var unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                feedUrl.substring(0, feedUrl.lastIndexOf('/') + 1) + "0".repeat(48))).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(unknown.statusCode()).isEqualTo(404);

        // 11:05: the spike goes on (12 more posts from 10:00) but the rule is cooling down: no second alert
        for (int i = 0; i < 12; i++) {
            deliver(admin, "t" + i, "@viajero" + i, 100L, Instant.parse("2026-03-30T10:00:00Z").plusSeconds(240L * i).toString(),
                    brand + " sigue el retraso " + i);
        }
        CLOCK.set(Instant.parse("2026-03-30T11:05:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.parse("2026-03-30T11:00:00Z").equals(evaluatedUntil(rule)));
        Thread.sleep(500); // several more ticks of the evaluator
        assertThat(admin.get("/api/v1/listening/alerts").json()).hasSize(1);
        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(hooks).hasSize(1);

        // another workspace sees none of it
        Api other = installation.other;
        assertThat(other.get("/api/v1/listening/alerts/" + alertId).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/listening/alerts").json()).isEmpty();
        assertThat(other.send("DELETE", "/api/v1/listening/alert-rules/" + rule, null, null).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/listening/topics/" + topic + "/alert-rules", "{\"kind\":\"SPIKE\"}").status()).isEqualTo(404);
    }

    @Test
    void aNegativeSurgeFiresWhereTheVolumeDoesNotSpike() {
        CLOCK.set(Instant.parse("2026-04-06T15:30:00Z"));
        Api admin = new Installation(port).admin;
        String brand = "surge" + System.nanoTime();
        long query = admin.post("/api/v1/listening/queries", "{\"name\":\"Brand\",\"query\":\"" + brand + "\"}").json()
                .get("id").asLong();
        long topic = admin.post("/api/v1/listening/topics", "{\"name\":\"Surge\",\"kind\":\"BRAND\",\"queryIds\":[" + query + "]}")
                .json().get("id").asLong();
        // six posts from 15:00 every Monday; negative ones: 0, 1, 0, 1 in the weeks before, 5 this week
        int[] negatives = {5, 0, 1, 0, 1};
        for (int week = 0; week <= 4; week++) {
            Instant hour = Instant.parse("2026-04-06T15:00:00Z").minus(Duration.ofDays(7L * week));
            for (int i = 0; i < 6; i++) {
                deliver(admin, "n" + week + "-" + i, "@cliente" + i, null, hour.plusSeconds(300L * i).toString(),
                        i < negatives[week] ? brand + " horrible, pésimo servicio, nunca más" : "Me encanta " + brand + ", excelente servicio");
            }
        }
        long spike = admin.post("/api/v1/listening/topics/" + topic + "/alert-rules", """
                {"kind":"SPIKE","threshold":3,"minCount":3}""").json().get("id").asLong();
        long surge = admin.post("/api/v1/listening/topics/" + topic + "/alert-rules", """
                {"kind":"NEGATIVE_SURGE","threshold":3,"minCount":3}""").json().get("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.parse("2026-04-06T15:00:00Z").equals(evaluatedUntil(surge)));

        CLOCK.set(Instant.parse("2026-04-06T16:05:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/v1/listening/alerts").json().size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.parse("2026-04-06T16:00:00Z").equals(evaluatedUntil(spike)));
        JsonNode alerts = admin.get("/api/v1/listening/alerts").json();
        assertThat(alerts).as("6 posts as every week: no spike").hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("ruleId").asLong()).isEqualTo(surge);
        assertThat(alert.get("kind").asString()).isEqualTo("NEGATIVE_SURGE");
        assertThat(alert.get("observed").asLong()).isEqualTo(5);
        assertThat(alert.get("baseline").toString()).isEqualTo("[0,1,0,1]");
        assertThat(alert.get("zScore").asDouble()).isCloseTo(4.5 / 1.4826, within(1e-9));
        assertThat(alert.get("emailStatus").isNull()).as("no email asked for").isTrue();
    }

    @Test
    void aKeywordRuleFiresOnTheFirstHourWithTheTermThenRestsForItsCooldown() {
        CLOCK.set(Instant.parse("2026-05-04T09:30:00Z"));
        Api admin = new Installation(port).admin;
        String brand = "kw" + System.nanoTime();
        long query = admin.post("/api/v1/listening/queries", "{\"name\":\"Brand\",\"query\":\"" + brand + "\"}").json()
                .get("id").asLong();
        long topic = admin.post("/api/v1/listening/topics", "{\"name\":\"Keyword\",\"kind\":\"BRAND\",\"queryIds\":[" + query + "]}")
                .json().get("id").asLong();
        var missing = admin.post("/api/v1/listening/topics/" + topic + "/alert-rules", "{\"kind\":\"KEYWORD\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("term");
        long rule = admin.post("/api/v1/listening/topics/" + topic + "/alert-rules", """
                {"kind":"KEYWORD","term":"Recall","minCount":2,"cooldownMinutes":120}""").json().get("id").asLong();
        // 09:00–10:00: one post with the term (below minCount) and two without
        deliver(admin, "k1", "@a", 10L, "2026-05-04T09:05:00Z", brand + " anuncia un RECALL de baterías");
        deliver(admin, "k2", "@b", 20L, "2026-05-04T09:10:00Z", brand + " excelente servicio");
        deliver(admin, "k3", "@c", 30L, "2026-05-04T09:15:00Z", brand + " llegó tarde");
        // 10:00–11:00: three with the term, in any case; 11:00–12:00 two more (inside the cooldown)
        deliver(admin, "k4", "@d", 500L, "2026-05-04T10:05:00Z", brand + " recall confirmado");
        deliver(admin, "k5", "@e", 50L, "2026-05-04T10:10:00Z", "El Recall de " + brand + " sigue");
        deliver(admin, "k6", "@f", 5L, "2026-05-04T10:20:00Z", brand + " recalls everywhere");
        deliver(admin, "k7", "@g", 5L, "2026-05-04T11:05:00Z", brand + " recall otra vez");
        deliver(admin, "k8", "@h", 5L, "2026-05-04T11:10:00Z", brand + " recall y más recall");

        CLOCK.set(Instant.parse("2026-05-04T10:01:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.parse("2026-05-04T10:00:00Z").equals(evaluatedUntil(rule)));
        assertThat(keywordAlerts(admin, rule)).as("one post with the term: below minCount").isEmpty();

        CLOCK.set(Instant.parse("2026-05-04T11:01:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> keywordAlerts(admin, rule).size() == 1);
        JsonNode alert = keywordAlerts(admin, rule).get(0);
        assertThat(alert.get("kind").asString()).isEqualTo("KEYWORD");
        assertThat(alert.get("observed").asLong()).isEqualTo(3);
        assertThat(alert.get("windowStart").asString()).isEqualTo("2026-05-04T10:00:00Z");
        assertThat(alert.get("samples").get(0).get("author").asString()).as("most followed first").isEqualTo("@d");
        assertThat(alert.get("samples")).hasSize(3);

        CLOCK.set(Instant.parse("2026-05-04T12:01:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.parse("2026-05-04T12:00:00Z").equals(evaluatedUntil(rule)));
        assertThat(keywordAlerts(admin, rule)).as("two more posts inside the 120 min cooldown").hasSize(1);
    }

    @Test
    void aFailedWebhookIsRetriedWithBackoffWhileTheSentEmailIsNotSentAgain() throws Exception {
        CLOCK.set(Instant.parse("2026-06-01T09:30:00Z"));
        Api admin = new Installation(port).admin;
        String brand = "retry" + System.nanoTime();
        long query = admin.post("/api/v1/listening/queries", "{\"name\":\"Brand\",\"query\":\"" + brand + "\"}").json()
                .get("id").asLong();
        long topic = admin.post("/api/v1/listening/topics", "{\"name\":\"Retry\",\"kind\":\"BRAND\",\"queryIds\":[" + query + "]}")
                .json().get("id").asLong();
        long rule = admin.post("/api/v1/listening/topics/" + topic + "/alert-rules", """
                {"kind":"KEYWORD","term":"outage","minCount":1,"cooldownMinutes":60,"emailTo":["retry@acme.test"],
                 "webhookUrl":"http://127.0.0.1:%d/flaky"}""".formatted(receiver.getAddress().getPort())).json().get("id").asLong();
        deliver(admin, "r1", "@a", 10L, "2026-06-01T09:05:00Z", brand + " outage again");
        int mailsBefore = mail.getReceivedMessages().length;
        flakyCalls.set(0);

        CLOCK.set(Instant.parse("2026-06-01T10:01:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> keywordAlerts(admin, rule).size() == 1
                && keywordAlerts(admin, rule).get(0).path("webhookStatus").asString("").startsWith("failed"));
        JsonNode alert = keywordAlerts(admin, rule).get(0);
        assertThat(alert.get("webhookStatus").asString())
                .isEqualTo("failed: HTTP 503; retrying at 2026-06-01T10:02:00Z (attempt 1 of 6)");
        assertThat(alert.get("emailStatus").asString()).isEqualTo("sent");

        CLOCK.set(Instant.parse("2026-06-01T10:02:00Z")); // the second attempt, a minute later, fails too
        await().atMost(Duration.ofSeconds(20)).until(() -> flakyCalls.get() == 2 && keywordAlerts(admin, rule).get(0)
                .get("webhookStatus").asString().endsWith("(attempt 2 of 6)"));
        assertThat(keywordAlerts(admin, rule).get(0).get("webhookStatus").asString())
                .isEqualTo("failed: HTTP 503; retrying at 2026-06-01T10:04:00Z (attempt 2 of 6)");
        CLOCK.set(Instant.parse("2026-06-01T10:03:59Z"));
        Thread.sleep(500); // several worker rounds before the doubled wait is over: no attempt
        assertThat(flakyCalls).hasValue(2);

        CLOCK.set(Instant.parse("2026-06-01T10:04:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(keywordAlerts(admin, rule).get(0)
                .get("webhookStatus").asString()));
        Thread.sleep(500);
        assertThat(flakyCalls).as("three attempts, then nothing more").hasValue(3);
        assertThat(mail.getReceivedMessages().length - mailsBefore).as("the email went out once").isEqualTo(1);
    }

    @Test
    void anInfluencerRuleFiresOnTheHourInWhichWidelyFollowedAuthorsPosted() {
        CLOCK.set(Instant.parse("2026-07-06T09:30:00Z"));
        Api admin = new Installation(port).admin;
        String brand = "inf" + System.nanoTime();
        long query = admin.post("/api/v1/listening/queries", "{\"name\":\"Brand\",\"query\":\"" + brand + "\"}").json()
                .get("id").asLong();
        long topic = admin.post("/api/v1/listening/topics", "{\"name\":\"Influence\",\"kind\":\"BRAND\",\"queryIds\":[" + query + "]}")
                .json().get("id").asLong();
        var missing = admin.post("/api/v1/listening/topics/" + topic + "/alert-rules", "{\"kind\":\"INFLUENCER\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("minFollowers");
        var created = admin.post("/api/v1/listening/topics/" + topic + "/alert-rules", """
                {"kind":"INFLUENCER","minFollowers":10000,"cooldownMinutes":60}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("minCount").asInt()).as("one such post is enough by default").isEqualTo(1);
        long rule = created.json().get("id").asLong();
        // 09:00–10:00: only small accounts; 10:00–11:00: one small, two above 10,000 followers (one exactly at it)
        deliver(admin, "i1", "@pequeno", 500L, "2026-07-06T09:05:00Z", brand + " no me llegó el pedido");
        deliver(admin, "i2", "@vecina", 9_999L, "2026-07-06T09:20:00Z", brand + " otra vez tarde");
        deliver(admin, "i3", "@lector", 40L, "2026-07-06T10:02:00Z", brand + " sin noticias");
        deliver(admin, "i4", "@periodista", 250_000L, "2026-07-06T10:10:00Z", brand + " deja a cientos sin su pedido");
        deliver(admin, "i5", "@bloguera", 10_000L, "2026-07-06T10:30:00Z", brand + " ¿qué pasa con los envíos?");

        CLOCK.set(Instant.parse("2026-07-06T10:01:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.parse("2026-07-06T10:00:00Z").equals(evaluatedUntil(rule)));
        assertThat(keywordAlerts(admin, rule)).as("no author reaches 10,000 followers").isEmpty();

        CLOCK.set(Instant.parse("2026-07-06T11:01:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> keywordAlerts(admin, rule).size() == 1);
        JsonNode alert = keywordAlerts(admin, rule).get(0);
        assertThat(alert.get("kind").asString()).isEqualTo("INFLUENCER");
        assertThat(alert.get("observed").asLong()).isEqualTo(2);
        assertThat(alert.get("samples")).hasSize(2);
        assertThat(alert.get("samples").get(0).get("author").asString()).as("most followed first").isEqualTo("@periodista");
        assertThat(alert.get("samples").get(1).get("author").asString()).isEqualTo("@bloguera");
    }

    private static List<JsonNode> keywordAlerts(Api admin, long rule) {
        List<JsonNode> out = new java.util.ArrayList<>();
        admin.get("/api/v1/listening/alerts").json().forEach(a -> {
            if (a.get("ruleId").asLong() == rule) {
                out.add(a);
            }
        });
        return out;
    }

    @Test
    void whileAnotherNodeHoldsTheWorkspacesLeaseThisOneJudgesNothing() {
        CLOCK.set(Instant.parse("2026-04-13T09:30:00Z"));
        Api.TestWorkspace ws = new Api(port, Api.BOOTSTRAP_TOKEN).createWorkspace("Alerts lease");
        Api admin = new Api(port, ws.adminToken());
        String brand = "lease" + System.nanoTime();
        long query = admin.post("/api/v1/listening/queries", "{\"name\":\"Brand\",\"query\":\"" + brand + "\"}").json()
                .get("id").asLong();
        long topic = admin.post("/api/v1/listening/topics", "{\"name\":\"Lease\",\"kind\":\"BRAND\",\"queryIds\":[" + query + "]}")
                .json().get("id").asLong();
        for (int i = 0; i < 5; i++) {
            deliver(admin, "l" + i, "@x" + i, null, Instant.parse("2026-04-13T09:00:00Z").plusSeconds(600L * i).toString(),
                    brand + " caído otra vez");
        }
        long rule = admin.post("/api/v1/listening/topics/" + topic + "/alert-rules", """
                {"kind":"SPIKE","threshold":2,"minCount":3}""").json().get("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.parse("2026-04-13T09:00:00Z").equals(evaluatedUntil(rule)));
        String lease = "%" + AlertEvaluator.leaseName(ws.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lease WHERE name LIKE ?").param(lease).query(Long.class).single())
                .as("this node took the workspace's lease").isEqualTo(1);

        // another node takes the lease over (a new token, as LeaseStore.acquire does); the spiking hour then ends
        jdbc.sql("UPDATE lease SET holder = 'another-node/1', token = token + 1, expires_at = ? WHERE name LIKE ?")
                .params(java.sql.Timestamp.from(Instant.now().plusSeconds(60)), lease).update();
        CLOCK.set(Instant.parse("2026-04-13T10:05:00Z"));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> admin.get("/api/v1/listening/alerts").json().isEmpty());
        assertThat(evaluatedUntil(rule)).as("the hour is left to the lease's holder").isEqualTo(Instant.parse("2026-04-13T09:00:00Z"));

        // that node dies: its lease runs out, this node takes it back and judges the hour, once
        jdbc.sql("UPDATE lease SET expires_at = ? WHERE name LIKE ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), lease).update();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/v1/listening/alerts").json().size() == 1);
        assertThat(admin.get("/api/v1/listening/alerts").json().get(0).get("observed").asLong()).isEqualTo(5);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> admin.get("/api/v1/listening/alerts").json().size() == 1);
    }

    @Test
    void badRulesAreRefusedWithProblemDetails() {
        Installation installation = new Installation(port);
        Api admin = installation.admin;
        long query = admin.post("/api/v1/listening/queries", "{\"name\":\"Q\",\"query\":\"zzqq" + System.nanoTime() + "\"}")
                .json().get("id").asLong();
        long topic = admin.post("/api/v1/listening/topics", "{\"name\":\"T\",\"kind\":\"PRODUCT\",\"queryIds\":[" + query + "]}")
                .json().get("id").asLong();
        for (String bad : List.of("{\"kind\":\"RAIN\"}", "{\"kind\":\"SPIKE\",\"baselineWeeks\":0}",
                "{\"kind\":\"SPIKE\",\"threshold\":-1}", "{\"kind\":\"SPIKE\",\"minCount\":0}",
                "{\"kind\":\"SPIKE\",\"cooldownMinutes\":5}", "{\"kind\":\"SPIKE\",\"emailTo\":[\"not an address\"]}",
                "{\"kind\":\"SPIKE\",\"webhookUrl\":\"ftp://example.com/x\"}")) {
            var r = admin.post("/api/v1/listening/topics/" + topic + "/alert-rules", bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).contains("application/problem+json");
        }
        var ok = admin.post("/api/v1/listening/topics/" + topic + "/alert-rules", "{\"kind\":\"negative_surge\"}");
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("baselineWeeks").asInt()).isEqualTo(4);
        assertThat(ok.json().get("threshold").asDouble()).isEqualTo(3.5);
        assertThat(ok.json().get("minCount").asInt()).isEqualTo(10);
        assertThat(ok.json().get("cooldownMinutes").asInt()).isEqualTo(360);
        assertThat(ok.json().get("webhookSecret").isNull()).isTrue();
        assertThat(admin.send("DELETE", "/api/v1/listening/alert-rules/" + ok.json().get("id").asLong(), null, null).status())
                .isEqualTo(204);
    }

    private record Installation(Api admin, Api other) {
        Installation(int port) {
            this(admin(port, "Alerts A"), admin(port, "Alerts B"));
        }

        private static Api admin(int port, String name) {
            Api installation = new Api(port, Api.BOOTSTRAP_TOKEN);
            return installation.as(installation.createWorkspace(name).adminToken());
        }
    }
}
