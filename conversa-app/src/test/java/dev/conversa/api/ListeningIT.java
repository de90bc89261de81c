package dev.conversa.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Listening in the application: each workspace's standing queries, one matcher for all of them, mentions stored once
 * per query with language and sentiment, and strict isolation between workspaces.
 */
@ConversaIT
class ListeningIT {
    @LocalServerPort
    int port;
    Api installation;
    Api a;
    Api b;

    @BeforeEach
    void setUp() {
        installation = new Api(port, Api.BOOTSTRAP_TOKEN);
        a = installation.as(installation.createWorkspace("Listening A").adminToken());
        b = installation.as(installation.createWorkspace("Listening B").adminToken());
    }

    private static String post(String source, String id, String text) {
        return """
                {"source":"%s","externalId":"%s","text":%s,"author":"viajero","url":"https://x.com/viajero/status/%s"}"""
                .formatted(source, id, Api.quote(text), id);
    }

    @Test
    void aPostMatchedByTwoWorkspacesIsOneMentionEachWithLanguageSentimentAndHighlights() {
        String brand = "marca" + System.nanoTime(); // a brand of this test only: other tests' queries never match
        var created = a.post("/api/v1/listening/queries", """
                {"name":"Refunds","query":"(%s OR #%s) AND (reembolso* OR refund*)"}""".formatted(brand, brand));
        assertThat(created.status()).isEqualTo(201);
        long refunds = created.json().get("id").asLong();
        assertThat(created.json().get("requires").asString()).contains(brand).contains("reembolso*");
        long english = a.post("/api/v1/listening/queries", """
                {"name":"English","query":"%s AND lang:en"}""".formatted(brand)).json().get("id").asLong();
        long bQuery = b.post("/api/v1/listening/queries", """
                {"name":"Brand","query":"%s NOT spam"}""".formatted(brand)).json().get("id").asLong();

        String complaint = "@" + brand + " sigo esperando el reembolso de mi vuelo, nadie me responde. Fatal servicio 😡";
        JsonNode first = installation.post("/api/v1/listening/posts", post("twitter", "p1", complaint)).json();
        assertThat(first.get("matched").asInt()).isEqualTo(2);
        assertThat(first.get("stored").asInt()).isEqualTo(2);
        JsonNode again = installation.post("/api/v1/listening/posts", post("twitter", "p1", complaint)).json();
        assertThat(again.get("matched").asInt()).isEqualTo(2);
        assertThat(again.get("stored").asInt()).as("a redelivered post is stored once").isZero();
        assertThat(installation.post("/api/v1/listening/posts", post("twitter", "p2", "Qué bonito día en la playa"))
                .json().get("matched").asInt()).isZero();

        JsonNode mine = a.get("/api/v1/listening/mentions").json();
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        JsonNode mention = mine.get("items").get(0);
        assertThat(mention.get("queryId").asLong()).isEqualTo(refunds);
        assertThat(mention.get("language").asString()).isEqualTo("es");
        assertThat(mention.get("sentiment").asString()).isEqualTo("NEGATIVE");
        assertThat(mention.get("highlights").toString()).contains(brand).contains("reembolso");
        assertThat(mention.get("url").asString()).isEqualTo("https://x.com/viajero/status/p1");
        assertThat(b.get("/api/v1/listening/mentions").json().get("total").asLong()).isEqualTo(1);
        assertThat(b.get("/api/v1/listening/mentions?sentiment=negative").json().get("total").asLong()).isEqualTo(1);
        assertThat(b.get("/api/v1/listening/mentions?sentiment=positive").json().get("total").asLong()).isZero();

        // an English post: lang: is detected when the source does not say; a workspace's own source feeds only it
        JsonNode own = a.post("/api/v1/listening/posts", post("mastodon", "m1",
                "Still waiting for my refund from " + brand + ", this is unacceptable")).json();
        assertThat(own.get("matched").asInt()).isEqualTo(2);
        assertThat(a.get("/api/v1/listening/mentions?queryId=" + english).json().get("total").asLong()).isEqualTo(1);
        assertThat(b.get("/api/v1/listening/mentions").json().get("total").asLong()).isEqualTo(1);

        // isolation: another workspace's query is unknown
        assertThat(b.get("/api/v1/listening/mentions?queryId=" + refunds).status()).isEqualTo(404);
        assertThat(b.send("DELETE", "/api/v1/listening/queries/" + refunds, null, null).status()).isEqualTo(404);
        assertThat(b.get("/api/v1/listening/queries").body()).doesNotContain("Refunds").contains("\"id\":" + bQuery);

        // a deleted query stops matching; what it found stays
        assertThat(a.send("DELETE", "/api/v1/listening/queries/" + refunds, null, null).status()).isEqualTo(204);
        installation.post("/api/v1/listening/posts", post("twitter", "p3", brand + " reembolso ya"));
        // p1 and m1 stay, p3 is not added
        assertThat(a.get("/api/v1/listening/mentions?queryId=" + refunds).json().get("total").asLong()).isEqualTo(2);
        assertThat(a.get("/api/v1/listening/queries").body()).doesNotContain("\"id\":" + refunds + ",");
    }

    @Test
    void badQueriesAndPostsAreRefusedWithProblemDetailsNamingTheField() {
        var bad = a.post("/api/v1/listening/queries", """
                {"name":"Broken","query":"iberia AND (refund"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(bad.body()).contains("query").contains("position");
        assertThat(a.get("/api/v1/listening/queries").body()).doesNotContain("Broken");

        assertThat(a.post("/api/v1/listening/posts", """
                {"source":"twitter","externalId":"x","text":""}""").body()).contains("text");
        var noSource = a.post("/api/v1/listening/posts", """
                {"source":"not a source!","externalId":"x","text":"hola"}""");
        assertThat(noSource.status()).isEqualTo(400);
        assertThat(noSource.body()).contains("source");
        var tooLong = a.post("/api/v1/listening/posts", post("twitter", "long", "a".repeat(10_001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("text");
        assertThat(a.get("/api/v1/listening/mentions?sentiment=angry").status()).isEqualTo(400);
        assertThat(new Api(port, null).get("/api/v1/listening/mentions").status()).isEqualTo(401);
    }
}
