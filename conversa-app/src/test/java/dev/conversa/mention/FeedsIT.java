package dev.conversa.mention;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * RSS and Atom feeds end to end: a WireMock site serves the published RSS 2.0 and RFC 4287 examples
 * ({@code listening/feeds/SOURCES.md}) with the validators and status codes of RFC 9110 (ETag / If-None-Match,
 * Last-Modified / If-Modified-Since, 304, 503); the poller turns new entries into mentions once.
 */
@ConversaIT
class FeedsIT {
    static WireMockServer site;

    @LocalServerPort
    int port;
    @Autowired
    FeedPoller poller;
    @Autowired
    FeedStore store;

    Api admin;
    long workspace;
    String path;

    @BeforeAll
    static void startSite() {
        site = new WireMockServer(wireMockConfig().dynamicPort());
        site.start();
    }

    @AfterAll
    static void stopSite() {
        site.stop();
    }

    @BeforeEach
    void setUp() {
        Api api = new Api(port, null);
        Api.TestWorkspace ws = api.createWorkspace("Feeds");
        admin = api.as(ws.adminToken());
        workspace = ws.id();
        path = "/feed-" + UUID.randomUUID().toString().substring(0, 8) + ".xml";
    }

    static String document(String name) {
        try (InputStream in = FeedsIT.class.getResourceAsStream("/listening/feeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long query(String text) {
        var r = admin.post("/api/v1/listening/queries", """
                {"name":"q","query":%s}""".formatted(Api.quote(text)));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private long addFeed(int intervalSeconds) {
        var r = admin.post("/api/v1/listening/feeds", """
                {"url":"%s","intervalSeconds":%d}""".formatted(site.baseUrl() + path, intervalSeconds));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private JsonNode feed(long id) {
        return admin.get("/api/v1/listening/feeds/" + id).json();
    }

    private JsonNode mentions() {
        return admin.get("/api/v1/listening/mentions?size=100").json();
    }

    @Test
    void newEntriesBecomeMentionsOnceAndAnUnchangedFeedAnswers304() {
        String lastModified = "Tue, 10 Jun 2003 09:41:01 GMT";
        site.stubFor(get(urlEqualTo(path)).withHeader("If-None-Match", absent()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withHeader("ETag", "\"liftoff-1\"")
                .withHeader("Last-Modified", lastModified).withBody(document("rss2sample.xml"))));
        site.stubFor(get(urlEqualTo(path)).withHeader("If-None-Match", equalTo("\"liftoff-1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"liftoff-1\"")));
        query("\"space station\" OR eclipse");
        long feed = addFeed(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> feed(feed).get("entries").asLong() == 4);
        JsonNode found = mentions();
        assertThat(found.get("total").asLong()).as("3 of the 4 items mention the station or the eclipse").isEqualTo(3);
        JsonNode star = null;
        for (JsonNode m : found.get("items")) {
            assertThat(m.get("source").asString()).isEqualTo("rss");
            if (m.get("externalId").asString().endsWith("#item573")) {
                star = m;
            }
        }
        assertThat(star).isNotNull();
        assertThat(star.get("url").asString()).isEqualTo("http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp");
        assertThat(star.get("language").asString()).isEqualTo("en");
        assertThat(star.get("postedAt").asString()).startsWith("2003-06-03T09:39:21");
        assertThat(star.get("body").asString()).startsWith("Star City\nHow do Americans");

        // the next polls send the validators back and get 304s: nothing new is matched
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> site.verify(getRequestedFor(urlEqualTo(path))
                .withHeader("If-None-Match", equalTo("\"liftoff-1\"")).withHeader("If-Modified-Since", equalTo(lastModified))));
        await().atMost(Duration.ofSeconds(20)).until(() -> "304: not modified".equals(feed(feed).get("lastStatus").asString()));
        assertThat(feed(feed).get("entries").asLong()).isEqualTo(4);
        assertThat(mentions().get("total").asLong()).isEqualTo(3);
        assertThat(site.findAll(getRequestedFor(urlEqualTo(path))).getFirst().getHeader("User-Agent"))
                .isEqualTo(FeedFetcher.USER_AGENT);
    }

    @Test
    void aRestartGoesOnFromTheStoredStateWithoutDuplicates() {
        // no validators from this site: every poll downloads the whole document again
        String first = document("atom-rfc4287-minimal.xml");
        site.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml").withBody(first)));
        query("robots OR snapshot");
        long feed = addFeed(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> feed(feed).get("entries").asLong() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> site.findAll(getRequestedFor(urlEqualTo(path))).size() >= 3);
        assertThat(mentions().get("total").asLong()).as("the same entry polled again is not matched again").isEqualTo(1);

        poller.stop();
        try {
            // while the node is down the feed gains the entry of the second RFC 4287 example
            String extensive = document("atom-rfc4287-extensive.xml");
            String newEntry = extensive.substring(extensive.indexOf("  <entry>"), extensive.indexOf("</feed>"));
            site.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/atom+xml")
                    .withBody(first.replace("  <entry>", newEntry + "  <entry>"))));
        } finally {
            poller.start();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> feed(feed).get("entries").asLong() == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> mentions().get("total").asLong() == 2);
        int requests = site.findAll(getRequestedFor(urlEqualTo(path))).size();
        await().atMost(Duration.ofSeconds(20)).until(() -> site.findAll(getRequestedFor(urlEqualTo(path))).size() >= requests + 2);
        assertThat(feed(feed).get("entries").asLong()).isEqualTo(2);
        JsonNode items = mentions().get("items");
        assertThat(items).extracting(m -> m.get("externalId").asString()).containsExactlyInAnyOrder(
                "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "tag:example.org,2003:3.2397");
        for (JsonNode m : items) {
            if (m.get("externalId").asString().startsWith("tag:")) {
                assertThat(m.get("author").asString()).isEqualTo("Mark Pilgrim");
                assertThat(m.get("url").asString()).isEqualTo("http://example.org/2005/04/02/atom");
            } else {
                assertThat(m.get("author").asString()).isEqualTo("John Doe");
            }
        }
    }

    @Test
    void aServerErrorBacksOffAndTheFeedRecovers() {
        site.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        site.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml").withBody(document("atom-rfc4287-extensive.xml"))));
        query("snapshot");
        long feed = addFeed(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> feed(feed).get("failures").asInt() == 1);
        JsonNode failing = feed(feed);
        assertThat(failing.get("lastStatus").asString()).isEqualTo("HTTP 503");
        Duration wait = Duration.between(Instant.parse(failing.get("lastPolledAt").asString()),
                Instant.parse(failing.get("nextPollAt").asString()));
        assertThat(wait).as("twice the interval after the first failure").isEqualTo(Duration.ofSeconds(2));
        assertThat(mentions().get("total").asLong()).isZero();

        await().atMost(Duration.ofSeconds(20)).until(() -> feed(feed).get("failures").asInt() == 0);
        assertThat(feed(feed).get("lastStatus").asString()).isEqualTo("200: 1 entries, 1 new");
        assertThat(mentions().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aDueFeedIsClaimedByOnePollerOnly() {
        site.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(404)));
        long id = addFeed(86_400);
        await().atMost(Duration.ofSeconds(20)).until(() -> feed(id).get("failures").asInt() == 1);
        Instant seen = store.find(workspace, id).orElseThrow().nextPollAt();

        assertThat(store.claim(id, seen, seen.plusSeconds(60))).isTrue();
        assertThat(store.claim(id, seen, seen.plusSeconds(120))).as("a second poller read the same due time").isFalse();
        assertThat(store.find(workspace, id).orElseThrow().nextPollAt()).isEqualTo(seen.plusSeconds(60));
    }

    @Test
    void onlyAdminsManageFeedsAndBadInputIsA4xxProblem() {
        var bad = admin.post("/api/v1/listening/feeds", """
                {"url":"file:///etc/passwd"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(admin.post("/api/v1/listening/feeds", """
                {"url":"https://example.org/feed","intervalSeconds":0}""").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/listening/feeds", "{}").status()).isEqualTo(400);

        // one poll a day: its first poll gets a 404 and waits a day; this test is about the API
        site.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(404)));
        long id = addFeed(86_400);
        assertThat(admin.post("/api/v1/listening/feeds", """
                {"url":"%s"}""".formatted(site.baseUrl() + path)).status()).isEqualTo(409);
        JsonNode listed = admin.get("/api/v1/listening/feeds").json();
        assertThat(listed).extracting(f -> f.get("id").asLong()).containsExactly(id);
        assertThat(listed.get(0).get("intervalSeconds").asInt()).isEqualTo(86_400);

        String agent = admin.post("/api/v1/tokens", """
                {"name":"bot","role":"AGENT"}""").json().get("token").asString();
        assertThat(admin.as(agent).get("/api/v1/listening/feeds").status()).isEqualTo(403);
        assertThat(admin.as(agent).post("/api/v1/listening/feeds", """
                {"url":"https://example.org/other"}""").status()).isEqualTo(403);
        Api other = new Api(port, null);
        Api otherAdmin = other.as(other.createWorkspace("Other feeds").adminToken());
        assertThat(otherAdmin.get("/api/v1/listening/feeds/" + id).status()).isEqualTo(404);
        assertThat(otherAdmin.get("/api/v1/listening/feeds").json()).isEmpty();

        assertThat(admin.send("DELETE", "/api/v1/listening/feeds/" + id, null, null).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/listening/feeds/" + id).status()).isEqualTo(404);
        assertThat(admin.send("DELETE", "/api/v1/listening/feeds/" + id, null, null).status()).isEqualTo(404);
    }
}
