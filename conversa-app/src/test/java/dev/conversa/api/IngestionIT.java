package dev.conversa.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Ingestion through the API channel is idempotent: a redelivered message is stored once. */
@ConversaIT
class IngestionIT {
    @LocalServerPort
    int port;
    Api admin;
    long inbox;

    @BeforeEach
    void setUp() {
        Api api = new Api(port, null);
        admin = api.as(api.createWorkspace("Ingestion").adminToken());
        inbox = admin.post("/api/v1/inboxes", """
                {"name":"API","channel":"API"}""").json().get("id").asLong();
    }

    private String message(String externalId, String thread, String body) {
        return """
                {"externalId":"%s","threadKey":"%s","from":{"kind":"TWITTER","value":"4242","name":"Pilar","handle":"@pilar"},
                 "body":%s,"visibility":"PUBLIC"}""".formatted(externalId, thread, Api.quote(body));
    }

    @Test
    void theSameMessageDeliveredThreeTimesIsStoredOnce() {
        var first = admin.post("/api/v1/inboxes/" + inbox + "/messages", message("tw-1", "t-1", "¿Dónde está mi pedido?"));
        var second = admin.post("/api/v1/inboxes/" + inbox + "/messages", message("tw-1", "t-1", "¿Dónde está mi pedido?"));
        var third = admin.post("/api/v1/inboxes/" + inbox + "/messages", message("tw-1", "t-1", "¿Dónde está mi pedido?"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(200);
        assertThat(second.json().get("duplicate").asBoolean()).isTrue();
        assertThat(second.json().get("messageId").asLong()).isEqualTo(first.json().get("messageId").asLong());
        long conversation = first.json().get("conversationId").asLong();
        assertThat(admin.get("/api/v1/conversations/" + conversation + "/messages").json().get("total").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/v1/customers").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aLaterMessageRefreshesTheAuthorsProfileAndOneWithoutProfileDataKeepsIt() {
        admin.post("/api/v1/inboxes/" + inbox + "/messages", message("p-1", "t-p", "hola"));
        admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"p-2","threadKey":"t-p","from":{"kind":"TWITTER","value":"4242","name":"Pilar Gómez",
                 "handle":"@pilar_g","followerCount":1200},"body":"sigo esperando","visibility":"PUBLIC"}""");
        admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"p-3","threadKey":"t-p","from":{"kind":"TWITTER","value":"4242"},"body":"?","visibility":"PUBLIC"}""");
        long customer = admin.get("/api/v1/customers").json().get("items").get(0).get("id").asLong();
        var identity = admin.get("/api/v1/customers/" + customer).json().get("identities").get(0);
        assertThat(identity.get("displayName").asString()).isEqualTo("Pilar Gómez");
        assertThat(identity.get("handle").asString()).isEqualTo("@pilar_g");
        assertThat(identity.get("followerCount").asLong()).isEqualTo(1200);
    }

    @Test
    void concurrentRedeliveriesStillStoreOnce() throws Exception {
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<Api.Response>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> admin.post("/api/v1/inboxes/" + inbox + "/messages",
                        message("tw-race", "t-race", "First contact"))));
            }
            for (Future<Api.Response> f : results) {
                assertThat(f.get().status()).isIn(200, 201);
            }
        }
        assertThat(admin.get("/api/v1/customers").json().get("total").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/v1/conversations").json().get("total").asLong()).isEqualTo(1);
        long conversation = admin.get("/api/v1/conversations").json().get("items").get(0).get("id").asLong();
        assertThat(admin.get("/api/v1/conversations/" + conversation + "/messages").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void messagesOfOneThreadShareAConversationAndAResolvedOneReopens() {
        long c1 = admin.post("/api/v1/inboxes/" + inbox + "/messages", message("m1", "thread-9", "hola"))
                .json().get("conversationId").asLong();
        admin.patch("/api/v1/conversations/" + c1, """
                {"status":"RESOLVED"}""");
        long c2 = admin.post("/api/v1/inboxes/" + inbox + "/messages", message("m2", "thread-9", "sigo esperando"))
                .json().get("conversationId").asLong();
        assertThat(c2).isEqualTo(c1);
        var conversation = admin.get("/api/v1/conversations/" + c1).json();
        assertThat(conversation.get("status").asString()).isEqualTo("OPEN");
        assertThat(conversation.get("messageCount").asInt()).isEqualTo(2);
        assertThat(conversation.get("waitingSince").isNull()).isFalse();

        admin.patch("/api/v1/conversations/" + c1, """
                {"status":"CLOSED"}""");
        long c3 = admin.post("/api/v1/inboxes/" + inbox + "/messages", message("m3", "thread-9", "otra cosa"))
                .json().get("conversationId").asLong();
        assertThat(c3).isNotEqualTo(c1);
    }

    @Test
    void aReplyRecordsTheFirstResponseAndIsSentOnTheApiChannel() {
        long c = admin.post("/api/v1/inboxes/" + inbox + "/messages", message("q1", "t-q", "¿Tenéis tienda en Vigo?"))
                .json().get("conversationId").asLong();
        long reply = admin.post("/api/v1/conversations/" + c + "/messages", """
                {"body":"Sí, en la calle Príncipe 12.","visibility":"PUBLIC"}""").json().get("id").asLong();
        var conversation = admin.get("/api/v1/conversations/" + c).json();
        assertThat(conversation.get("firstResponseAt").isNull()).isFalse();
        assertThat(conversation.get("waitingSince").isNull()).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            var items = admin.get("/api/v1/conversations/" + c + "/messages").json().get("items");
            var sent = new ArrayList<String>();
            items.forEach(m -> {
                if (m.get("id").asLong() == reply) {
                    sent.add(m.get("deliveryStatus").asString());
                }
            });
            assertThat(sent).containsExactly("SENT");
        });
    }
}
