package dev.conversa.mention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Bluesky Jetstream end to end against a local Jetstream ({@link JetstreamReplayServer}) replaying the message
 * shapes documented in https://github.com/bluesky-social/jetstream ("Consuming Jetstream": a like commit, identity
 * and account events verbatim apart from their {@code time_us}; post creates and a post delete in the same
 * envelope, with the fields of the {@code app.bsky.feed.post} record: {@code text}, {@code langs},
 * {@code createdAt}). The server drops the first connection; the source reconnects from its cursor, and after a
 * restart resumes from the stored cursor: every matching post is one mention, none lost, none twice.
 */
@ConversaIT
class JetstreamIT {
    // newer than any cursor an earlier run left in a shared PostgreSQL database
    static final long T = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    static final String BRAND = "marca" + Long.toString(T, 36);
    static final JetstreamReplayServer jetstream = startJetstream();

    @LocalServerPort
    int port;
    @Autowired
    JetstreamSource source;
    @Autowired
    StreamCursorStore cursors;

    static JetstreamReplayServer startJetstream() {
        try {
            JetstreamReplayServer server = new JetstreamReplayServer().start();
            server.events.add(new JetstreamReplayServer.Event(T, """
                    {"did":"did:plc:ufbl4k27gp6kzas5glhz7fim","time_us":%d,"kind":"identity","identity":{"did":"did:plc:ufbl4k27gp6kzas5glhz7fim","handle":"yohenrique.bsky.social","seq":1409752997,"time":"2024-09-05T06:11:04.870Z"}}"""
                    .formatted(T)));
            server.events.add(post(T + 10, "3l3qo2vuowo01", "Still waiting for my refund from " + BRAND + ", two weeks now", "en"));
            server.events.add(new JetstreamReplayServer.Event(T + 20, """
                    {"did":"did:plc:eygmaihciaxprqvxpfvl6flk","time_us":%d,"kind":"commit","commit":{"rev":"3l3qo2vutsw2b","operation":"create","collection":"app.bsky.feed.like","rkey":"3l3qo2vuowo2b","record":{"$type":"app.bsky.feed.like","createdAt":"2024-09-09T19:46:02.102Z","subject":{"cid":"bafyreidc6sydkkbchcyg62v77wbhzvb2mvytlmsychqgwf2xojjtirmzj4","uri":"at://did:plc:wa7b35aakoll7hugkrjtf3xf/app.bsky.feed.post/3l3pte3p2e325"}},"cid":"bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi"}}"""
                    .formatted(T + 20)));
            server.events.add(post(T + 30, "3l3qo2vuowo03", "Qué bonito día en la playa", "es"));
            server.events.add(post(T + 40, "3l3qo2vuowo04", "¿Alguien más sin reembolso de " + BRAND + "?", "es"));
            server.events.add(new JetstreamReplayServer.Event(T + 50, """
                    {"did":"did:plc:eygmaihciaxprqvxpfvl6flk","time_us":%d,"kind":"commit","commit":{"rev":"3l3qo2vutsw2c","operation":"delete","collection":"app.bsky.feed.post","rkey":"3l3qo2vuowo03"}}"""
                    .formatted(T + 50)));
            server.events.add(new JetstreamReplayServer.Event(T + 60, """
                    {"did":"did:plc:ufbl4k27gp6kzas5glhz7fim","time_us":%d,"kind":"account","account":{"active":true,"did":"did:plc:ufbl4k27gp6kzas5glhz7fim","seq":1409753013,"time":"2024-09-05T06:11:04.870Z"}}"""
                    .formatted(T + 60)));
            server.events.add(post(T + 70, "3l3qo2vuowo05", BRAND + " finally answered, thanks", "en"));
            server.dropFirstConnectionAfter = 5;
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JetstreamReplayServer.Event post(long timeUs, String rkey, String text, String lang) {
        return new JetstreamReplayServer.Event(timeUs, """
                {"did":"did:plc:eygmaihciaxprqvxpfvl6flk","time_us":%d,"kind":"commit","commit":{"rev":"3l3qo2vutsw2b","operation":"create","collection":"app.bsky.feed.post","rkey":"%s","record":{"$type":"app.bsky.feed.post","createdAt":"2024-09-09T19:46:02.102Z","langs":["%s"],"text":%s},"cid":"bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi"}}"""
                .formatted(timeUs, rkey, lang, Api.quote(text)));
    }

    @DynamicPropertySource
    static void jetstreamSource(DynamicPropertyRegistry registry) {
        registry.add("conversa.listening.jetstream.enabled", () -> "true");
        registry.add("conversa.listening.jetstream.url", jetstream::url);
        registry.add("conversa.listening.jetstream.initial-backoff", () -> "100ms");
        registry.add("conversa.listening.jetstream.max-backoff", () -> "1s");
        // stored only when a connection ends: the resume below depends on that path
        registry.add("conversa.listening.jetstream.save-every", () -> "1h");
    }

    @AfterAll
    static void stopJetstream() throws Exception {
        jetstream.stop();
    }

    @Test
    void postsAreStoredOnceAcrossADroppedConnectionAndARestart() {
        Api api = new Api(port, null);
        Api admin = api.as(api.createWorkspace("Bluesky").adminToken());
        assertThat(admin.post("/api/v1/listening/queries", """
                {"name":"brand","query":"%s"}""".formatted(BRAND)).status()).isEqualTo(201);
        jetstream.gate.countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> mentions(admin).get("total").asLong() == 3);
        assertThat(jetstream.connections.getFirst()).contains("wantedCollections=app.bsky.feed.post");
        assertThat(jetstream.connections).as("reconnected after the drop, from the last handled event").hasSizeGreaterThanOrEqualTo(2);
        assertThat(jetstream.connections.get(1)).contains("cursor=" + (T + 40));
        JsonNode items = mentions(admin).get("items");
        assertThat(items).extracting(m -> m.get("externalId").asString()).containsExactlyInAnyOrder(
                "at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vuowo01",
                "at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vuowo04",
                "at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vuowo05");
        JsonNode first = items.get(items.size() - 1);
        assertThat(first.get("source").asString()).isEqualTo("bluesky");
        assertThat(first.get("authorId").asString()).isEqualTo("did:plc:eygmaihciaxprqvxpfvl6flk");
        assertThat(first.get("url").asString()).startsWith("https://bsky.app/profile/did:plc:eygmaihciaxprqvxpfvl6flk/post/");
        assertThat(first.get("postedAt").asString()).startsWith("2024-09-09T19:46:02.102");

        // a restart: the node stops (the cursor is stored), a post arrives meanwhile, the node starts again
        source.stop();
        assertThat(cursors.position(JetstreamEvent.SOURCE)).hasValue(T + 70);
        jetstream.events.add(post(T + 80, "3l3qo2vuowo06", "Otra vez sin respuesta de " + BRAND, "es"));
        int before = jetstream.connections.size();
        source.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> mentions(admin).get("total").asLong() == 4);
        assertThat(jetstream.connections.get(before)).contains("cursor=" + (T + 70));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> mentions(admin).get("total").asLong() == 4);

        // reposts and quotes (lexicons app.bsky.feed.repost and app.bsky.embed.record) of mentioned posts count on
        // them: the same repost delivered twice counts once, a quote matching the query is no mention of its own;
        // a quote of a post nobody mentions is an ordinary post
        String original = "at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/";
        source.stop(); // the local server replays what it has when a connection opens
        // the shares' ids are this run's: mention_share is installation-wide, and the PostgreSQL database outlives a run
        String run = Long.toString(T, 36);
        jetstream.events.add(repost(T + 90, "rp1" + run, original + "3l3qo2vuowo01"));
        jetstream.events.add(repost(T + 100, "rp1" + run, original + "3l3qo2vuowo01"));
        jetstream.events.add(repost(T + 105, "rp2" + run, original + "3l3qo2vuowo03")); // not a mention: ignored
        jetstream.events.add(quote(T + 110, "qt1" + run, "Same here with " + BRAND, original + "3l3qo2vuowo04"));
        jetstream.events.add(quote(T + 120, "qt2" + run, BRAND + " is in the news", original + "3l3qo2vunews"));
        source.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> mentions(admin).get("total").asLong() == 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> counts(admin, "3l3qo2vuowo04").equals("0/1"));
        assertThat(counts(admin, "3l3qo2vuowo01")).isEqualTo("1/0");
        assertThat(counts(admin, "3l3qo2vuowo05")).isEqualTo("0/0");
        assertThat(mentions(admin).toString()).contains("qt2" + run).doesNotContain("qt1" + run).doesNotContain("rp1" + run)
                .doesNotContain("rp2" + run);
    }

    /** "reposts/quotes" of the mention of this post. */
    private static String counts(Api admin, String rkey) {
        for (JsonNode m : mentions(admin).get("items")) {
            if (m.get("externalId").asString().endsWith("/" + rkey)) {
                return m.get("reposts").asInt() + "/" + m.get("quotes").asInt();
            }
        }
        return "absent";
    }

    static JetstreamReplayServer.Event repost(long timeUs, String rkey, String subject) {
        return new JetstreamReplayServer.Event(timeUs, """
                {"did":"did:plc:ufbl4k27gp6kzas5glhz7fim","time_us":%d,"kind":"commit","commit":{"rev":"3l3qo2vutsw3a","operation":"create","collection":"app.bsky.feed.repost","rkey":"%s","record":{"$type":"app.bsky.feed.repost","createdAt":"2024-09-09T19:50:00.000Z","subject":{"cid":"bafyreidc6sydkkbchcyg62v77wbhzvb2mvytlmsychqgwf2xojjtirmzj4","uri":"%s"}},"cid":"bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi"}}"""
                .formatted(timeUs, rkey, subject));
    }

    static JetstreamReplayServer.Event quote(long timeUs, String rkey, String text, String subject) {
        return new JetstreamReplayServer.Event(timeUs, """
                {"did":"did:plc:ufbl4k27gp6kzas5glhz7fim","time_us":%d,"kind":"commit","commit":{"rev":"3l3qo2vutsw3b","operation":"create","collection":"app.bsky.feed.post","rkey":"%s","record":{"$type":"app.bsky.feed.post","createdAt":"2024-09-09T19:55:00.000Z","langs":["en"],"text":%s,"embed":{"$type":"app.bsky.embed.record","record":{"cid":"bafyreidc6sydkkbchcyg62v77wbhzvb2mvytlmsychqgwf2xojjtirmzj4","uri":"%s"}}},"cid":"bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi"}}"""
                .formatted(timeUs, rkey, Api.quote(text), subject));
    }

    private static JsonNode mentions(Api admin) {
        return admin.get("/api/v1/listening/mentions?size=100").json();
    }
}
