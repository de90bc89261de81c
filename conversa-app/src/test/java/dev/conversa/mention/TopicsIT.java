package dev.conversa.mention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Topics on a scripted stream with known answers: a brand and two competitors, posts with set times, authors,
 * follower counts and sources; every figure and share of voice is asserted exactly.
 */
@ConversaIT
class TopicsIT {
    @LocalServerPort
    int port;
    Api installation;
    Api admin;
    Api other;
    String brand;
    String rival;
    String minor;

    @BeforeEach
    void setUp() {
        installation = new Api(port, Api.BOOTSTRAP_TOKEN);
        admin = installation.as(installation.createWorkspace("Topics A").adminToken());
        other = installation.as(installation.createWorkspace("Topics B").adminToken());
        long n = System.nanoTime();
        brand = "acme" + n; // words of this test only: no other test's posts match
        rival = "rival" + n;
        minor = "minor" + n;
    }

    private long query(Api api, String name, String text) {
        var r = api.post("/api/v1/listening/queries", "{\"name\":%s,\"query\":%s}".formatted(Api.quote(name), Api.quote(text)));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private long topic(String name, String kind, long... queries) {
        var r = admin.post("/api/v1/listening/topics", body(name, kind, queries));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static String body(String name, String kind, long... queries) {
        List<String> ids = new ArrayList<>();
        for (long q : queries) {
            ids.add(String.valueOf(q));
        }
        return "{\"name\":%s,\"kind\":\"%s\",\"queryIds\":[%s]}".formatted(Api.quote(name), kind, String.join(",", ids));
    }

    private void deliver(String source, String id, String author, Long followers, String lang, String at, String text) {
        var r = admin.post("/api/v1/listening/posts", """
                {"source":"%s","externalId":"%s","author":"%s","authorFollowers":%s,"lang":"%s","postedAt":"%s","text":%s}"""
                .formatted(source, id, author, followers, lang, at, Api.quote(text)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("stored").asInt()).as(id).isPositive();
    }

    /** The script: 4 brand posts in the week of 2 March 2026 (+1 the week after), 2 of the rival, 1 of the minor one. */
    private long[] script() {
        long brandWord = query(admin, "Brand", brand);
        long brandTag = query(admin, "Brand tag", "#" + brand);
        long rivalQuery = query(admin, "Rival", rival);
        long minorQuery = query(admin, "Minor", minor);
        long brandTopic = topic("Acme", "BRAND", brandWord, brandTag);
        long rivalTopic = topic("Rival", "COMPETITOR", rivalQuery);
        long minorTopic = topic("Minor", "COMPETITOR", minorQuery);
        // b1 is matched by both brand queries: one post of the topic
        deliver("twitter", "b1", "@ana", 1000L, "es", "2026-03-02T10:15:00Z", "Me encanta #" + brand + ", excelente servicio");
        deliver("twitter", "b2", "@ana", 1200L, "es", "2026-03-02T10:40:00Z", brand + " horrible, pésimo servicio, nunca más");
        deliver("mastodon", "b3", "@bob", null, "en", "2026-03-03T09:00:00Z", brand + " terrible refund experience, awful");
        deliver("rss", "b4", "Diario", 500L, "es", "2026-03-04T12:00:00Z", brand + " abre una tienda en Madrid el lunes");
        deliver("twitter", "b5", "@zoe", 50L, "es", "2026-03-10T08:00:00Z", brand + " abre otra tienda en Sevilla");
        deliver("twitter", "r1", "@carl", 3000L, "es", "2026-03-02T11:00:00Z", rival + " es genial, me encanta, excelente");
        deliver("twitter", "r2", "@dan", 100L, "es", "2026-03-03T11:00:00Z", rival + " horrible, pésimo servicio");
        deliver("twitter", "m1", "@eve", 400L, "es", "2026-03-04T11:00:00Z", minor + " horrible, pésimo, una vergüenza");
        return new long[] {brandTopic, rivalTopic, minorTopic, brandWord, brandTag};
    }

    @Test
    void aTopicsFiguresCountEachPostOnceOverTheRange() {
        long[] ids = script();
        // the sentiment the shipped model gives the scripted posts (the figures below are built on it)
        JsonNode mentions = admin.get("/api/v1/listening/mentions?size=100").json().get("items");
        List<String> labels = new ArrayList<>();
        mentions.forEach(m -> labels.add(m.get("externalId").asString() + "=" + m.get("sentiment").asString()));
        assertThat(labels).contains("b1=POSITIVE", "b2=NEGATIVE", "b3=NEGATIVE", "b4=NEUTRAL", "r1=POSITIVE",
                "r2=NEGATIVE", "m1=NEGATIVE");

        var r = admin.get("/api/v1/listening/topics/" + ids[0] + "/figures?from=2026-03-02T00:00:00Z&to=2026-03-05T00:00:00Z");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode f = r.json();
        assertThat(f.get("volume").asLong()).as("b1 matched two queries, b5 is after the range").isEqualTo(4);
        assertThat(f.get("reach").asLong()).isEqualTo(1000 + 1200 + 500);
        assertThat(f.get("withFollowers").asLong()).isEqualTo(3);
        assertThat(f.get("positive").asLong()).isEqualTo(1);
        assertThat(f.get("neutral").asLong()).isEqualTo(1);
        assertThat(f.get("negative").asLong()).isEqualTo(2);
        assertThat(f.get("netSentiment").asDouble()).isCloseTo(-1.0 / 3, within(1e-9));
        assertThat(f.get("topTerms").get(0).get("key").asString()).isEqualTo(brand);
        assertThat(f.get("topTerms").get(0).get("posts").asLong()).as("b2, b3, b4; b1 has the hashtag").isEqualTo(3);
        assertThat(f.get("topTerms").get(1).get("key").asString()).isEqualTo("servicio");
        assertThat(f.get("topTerms").get(1).get("posts").asLong()).isEqualTo(2);
        assertThat(f.get("topTerms").toString()).contains("#" + brand).doesNotContain("\"el\"").doesNotContain("\"una\"");
        JsonNode authors = f.get("topAuthors");
        assertThat(authors).hasSize(3);
        assertThat(authors.get(0).get("author").asString()).isEqualTo("@ana");
        assertThat(authors.get(0).get("posts").asLong()).isEqualTo(2);
        assertThat(authors.get(0).get("followers").asLong()).isEqualTo(1200);
        assertThat(authors.get(1).get("author").asString()).isEqualTo("Diario");
        assertThat(authors.get(2).get("author").asString()).isEqualTo("@bob");
        assertThat(authors.get(2).get("followers").isNull()).isTrue();
        List<String> top = new ArrayList<>();
        f.get("topPosts").forEach(p -> top.add(p.get("externalId").asString()));
        assertThat(top).containsExactly("b2", "b1", "b4", "b3");
        assertThat(f.get("languages").toString()).isEqualTo("[{\"key\":\"es\",\"posts\":3},{\"key\":\"en\",\"posts\":1}]");
        assertThat(f.get("sources").toString()).isEqualTo(
                "[{\"key\":\"twitter\",\"posts\":2},{\"key\":\"mastodon\",\"posts\":1},{\"key\":\"rss\",\"posts\":1}]");
        assertThat(f.get("interval").asString()).isEqualTo("DAY");
        assertThat(trend(f)).containsExactly("2026-03-02T00:00:00Z=2/1", "2026-03-03T00:00:00Z=1/1", "2026-03-04T00:00:00Z=1/0");

        JsonNode hourly = admin.get("/api/v1/listening/topics/" + ids[0]
                + "/figures?from=2026-03-02T09:30:00Z&to=2026-03-02T12:00:00Z&interval=hour").json();
        assertThat(trend(hourly)).containsExactly("2026-03-02T09:00:00Z=0/0", "2026-03-02T10:00:00Z=2/1",
                "2026-03-02T11:00:00Z=0/0");
        JsonNode weekly = admin.get("/api/v1/listening/topics/" + ids[0]
                + "/figures?from=2026-03-01T00:00:00Z&to=2026-03-16T00:00:00Z&interval=week").json();
        assertThat(weekly.get("volume").asLong()).isEqualTo(5);
        assertThat(trend(weekly)).as("weeks start on Monday, in UTC")
                .containsExactly("2026-02-23T00:00:00Z=0/0", "2026-03-02T00:00:00Z=4/2", "2026-03-09T00:00:00Z=1/0");

        // an empty range has no sentiment to net
        JsonNode empty = admin.get("/api/v1/listening/topics/" + ids[0]
                + "/figures?from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z").json();
        assertThat(empty.get("volume").asLong()).isZero();
        assertThat(empty.get("netSentiment").isNull()).isTrue();
    }

    private static List<String> trend(JsonNode figures) {
        List<String> out = new ArrayList<>();
        figures.get("trend").forEach(b -> out.add(b.get("start").asString() + "=" + b.get("volume").asLong() + "/"
                + b.get("negative").asLong()));
        return out;
    }

    @Test
    void shareOfVoiceIsTheBrandsPartAgainstEachCompetitorByMentionsReachAndNegativeMentions() {
        long[] ids = script();
        var r = admin.get("/api/v1/listening/topics/" + ids[0] + "/share-of-voice?from=2026-03-02T00:00:00Z&to=2026-03-05T00:00:00Z");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode sov = r.json();
        assertThat(sov.get("brandTotals").toString()).isEqualTo("{\"mentions\":4,\"reach\":2700,\"negative\":2}");
        JsonNode rivals = sov.get("competitors");
        assertThat(rivals).hasSize(2);
        // topics are listed by kind, then name: Minor before Rival
        assertThat(rivals.get(0).get("name").asString()).isEqualTo("Minor");
        assertThat(rivals.get(0).get("totals").toString()).isEqualTo("{\"mentions\":1,\"reach\":400,\"negative\":1}");
        assertThat(rivals.get(0).get("brandShare").get("mentions").asDouble()).isCloseTo(4.0 / 5, within(1e-9));
        assertThat(rivals.get(0).get("brandShare").get("reach").asDouble()).isCloseTo(2700.0 / 3100, within(1e-9));
        assertThat(rivals.get(0).get("brandShare").get("negative").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(rivals.get(1).get("name").asString()).isEqualTo("Rival");
        assertThat(rivals.get(1).get("totals").toString()).isEqualTo("{\"mentions\":2,\"reach\":3100,\"negative\":1}");
        assertThat(rivals.get(1).get("brandShare").get("mentions").asDouble()).isCloseTo(4.0 / 6, within(1e-9));
        assertThat(rivals.get(1).get("brandShare").get("reach").asDouble()).isCloseTo(2700.0 / 5800, within(1e-9));
        assertThat(rivals.get(1).get("brandShare").get("negative").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        JsonNode overall = sov.get("overall");
        assertThat(overall.get("mentions").asDouble()).isCloseTo(4.0 / 7, within(1e-9));
        assertThat(overall.get("reach").asDouble()).isCloseTo(2700.0 / 6200, within(1e-9));
        assertThat(overall.get("negative").asDouble()).isCloseTo(2.0 / 4, within(1e-9));

        var notBrand = admin.get("/api/v1/listening/topics/" + ids[1] + "/share-of-voice");
        assertThat(notBrand.status()).isEqualTo(400);
        assertThat(notBrand.contentType()).contains("application/problem+json");
    }

    @Test
    void topicsAreManagedWithProblemDetailsAndStayInTheirWorkspace() {
        long q1 = query(admin, "One", brand);
        long q2 = query(admin, "Two", rival);
        long theirs = query(other, "Theirs", minor);
        long id = topic("Acme", "brand", q1);
        JsonNode got = admin.get("/api/v1/listening/topics/" + id).json();
        assertThat(got.get("kind").asString()).isEqualTo("BRAND");
        assertThat(got.get("queryIds").toString()).isEqualTo("[" + q1 + "]");

        var changed = admin.put("/api/v1/listening/topics/" + id, body("Acme group", "PRODUCT", q1, q2, q1));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("queryIds").toString()).isEqualTo("[" + q1 + "," + q2 + "]");
        assertThat(changed.json().get("name").asString()).isEqualTo("Acme group");

        for (String bad : List.of(body("", "BRAND", q1), body("X", "PARTNER", q1), body("X", "BRAND"),
                body("X", "BRAND", theirs), "{\"name\":\"X\",\"kind\":\"BRAND\",\"queryIds\":[null]}")) {
            var r = admin.post("/api/v1/listening/topics", bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).contains("application/problem+json");
        }
        assertThat(admin.post("/api/v1/listening/topics", body("Acme group", "BRAND", q1)).status()).isEqualTo(409);
        String figures = "/api/v1/listening/topics/" + id + "/figures";
        assertThat(admin.get(figures + "?interval=minute").status()).isEqualTo(400);
        assertThat(admin.get(figures + "?from=2026-03-05T00:00:00Z&to=2026-03-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(admin.get(figures + "?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=hour").status())
                .as("8,760 hourly buckets").isEqualTo(400);
        assertThat(admin.get(figures + "?from=2025-01-01T00:00:00Z&to=2026-06-01T00:00:00Z").status())
                .as("more than 366 days").isEqualTo(400);
        assertThat(admin.get(figures).status()).as("the last 7 days by default").isEqualTo(200);

        // another workspace's topic is unknown
        assertThat(other.get("/api/v1/listening/topics/" + id).status()).isEqualTo(404);
        assertThat(other.get(figures).status()).isEqualTo(404);
        assertThat(other.put("/api/v1/listening/topics/" + id, body("Mine", "BRAND", theirs)).status()).isEqualTo(404);
        assertThat(other.send("DELETE", "/api/v1/listening/topics/" + id, null, null).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/listening/topics").body()).doesNotContain("Acme");

        assertThat(admin.send("DELETE", "/api/v1/listening/topics/" + id, null, null).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/listening/topics/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/listening/queries").body()).as("its queries stay").contains("\"id\":" + q1);
    }
}
