package dev.conversa.channel.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.conversa.channel.twitter.SocialTestKit.conversations;
import static dev.conversa.channel.twitter.SocialTestKit.messages;
import static dev.conversa.channel.twitter.SocialTestKit.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.conversa.channel.twitter.SocialTestKit;
import dev.conversa.channel.webhook.SocialDeliveryQueue;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every documented message type of WhatsApp Cloud, Messenger, Instagram and the Facebook feed is stored with a
 * readable body or recorded; edits change the text and keep the original, deletes mark the message; shapes nobody
 * handles become dead letters. Payloads: {@code src/test/resources/channel/types/ORIGIN.md}.
 */
@ConversaIT
class MetaMessageTypesIT {
    static WireMockServer graph;

    @LocalServerPort
    int port;
    @Autowired
    SocialDeliveryQueue queue;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api admin;
    String prefix;
    String v;

    @BeforeAll
    static void startGraph() {
        graph = new WireMockServer(wireMockConfig().dynamicPort());
        graph.start();
    }

    @AfterAll
    static void stopGraph() {
        graph.stop();
    }

    @BeforeEach
    void setUp() {
        Api api = new Api(port, null);
        admin = api.as(api.createWorkspace("Meta types").adminToken());
        prefix = "/g-" + UUID.randomUUID().toString().substring(0, 8);
        v = prefix + "/" + MetaGraph.GRAPH_VERSION;
    }

    long inbox(String channel, String settings) {
        return SocialTestKit.createInbox(admin, channel, "{\"apiBaseUrl\":\"%s\",\"retryBackoffMs\":\"200\",%s}".formatted(
                graph.baseUrl() + prefix, settings), """
                {"accessToken":"page-token","appSecret":"%s","verifyToken":"verify-me"}""".formatted(MetaIT.APP_SECRET));
    }

    void deliver(long inbox, String resourceName) {
        String body = resource("types/" + resourceName);
        var r = SocialTestKit.post(port, "/hooks/meta/" + inbox, body, Map.of("X-Hub-Signature-256", MetaIT.sign(body)));
        assertThat(r.status()).isEqualTo(200);
        queue.processAll();
    }

    /** The bodies of all messages of the inbox, oldest first. */
    List<String> bodies(long inbox) {
        return conversations(admin, inbox).stream().flatMap(c -> messages(admin, c.get("id").asLong()).stream())
                .map(m -> m.get("body").asString()).toList();
    }

    JsonNode message(long inbox, String externalId) {
        return conversations(admin, inbox).stream().flatMap(c -> messages(admin, c.get("id").asLong()).stream())
                .filter(m -> externalId.equals(m.get("externalId").asString())).findFirst().orElseThrow();
    }

    List<JsonNode> deadLetters(long inbox) {
        List<JsonNode> out = new java.util.ArrayList<>();
        admin.get("/api/v1/dead-letters?inboxId=" + inbox).json().get("items").forEach(out::add);
        return out;
    }

    @Test
    void everyWhatsAppMessageTypeIsStoredReadably() {
        long wa = inbox("WHATSAPP", "\"phoneNumberId\":\"106540352242922\"");
        MetaIT.stubJson(graph, get(urlPathEqualTo(v + "/1003383421387256")), """
                {"messaging_product":"whatsapp","url":"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1003383421387256",
                 "mime_type":"image/webp","sha256":"Ymk/i4Lz6+8MnNPMdHXkM3UVlUX3xpCvtUMSV4VWCIE=","file_size":28342,"id":"1003383421387256"}""");
        for (String type : List.of("location", "contacts", "interactive-button-reply", "interactive-list-reply", "interactive-nfm-reply",
                "button", "sticker", "order", "system", "unsupported", "reaction")) {
            deliver(wa, "whatsapp/" + type + ".json");
        }
        assertThat(bodies(wa)).containsExactly(
                "📍 location: 37.44221496582, -122.16107177734 — Philz Coffee, 101 Forest Ave, Palo Alto, CA 94301 https://philzcoffee.com/",
                "contact card: Barbara J. Johnson, +1 (940) 555-1234, bjohnson@example.com, Lucky Shrub",
                "button: Cancel",
                "list reply: Priority Mail Express — Next Day to 2 Days",
                "form reply (flow) — {\"flow_token\": \"AQAAAAACS5FpgQ_cAAAAAD0QI3s.\", \"delivery_date\": \"2025-04-15\"}",
                "button: Unsubscribe from promos",
                "sticker",
                "order: 2 × di9ozbzfi4 (30 USD), 1 × nqryix03ez (25 USD) — Please deliver before Friday",
                "system: User Sheena Nelson changed from 16505551234 to 16505559999",
                "unsupported message type edit",
                "reaction \uD83D\uDE00 to message wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1QjJGRjI1RDY0RkE4Nzg4QzcA");
        assertThat(message(wa, "wamid.sticker-1").get("attachments").get(0).get("contentType").asString()).isEqualTo("image/webp");

        // A reaction removed carries nothing to answer: recorded, no message, no dead letter.
        deliver(wa, "whatsapp/reaction-removed.json");
        assertThat(bodies(wa)).hasSize(11);
        assertThat(deadLetters(wa)).isEmpty();
    }

    @Test
    void aWhatsAppFieldConversaDoesNotHandleIsADeadLetterNotSilence() {
        long wa = inbox("WHATSAPP", "\"phoneNumberId\":\"106540352242922\"");
        deliver(wa, "whatsapp/template-status.json");
        List<JsonNode> dead = deadLetters(wa);
        assertThat(dead).hasSize(1);
        assertThat(dead.getFirst().get("reason").asString()).isEqualTo("unknown-shape");
        assertThat(dead.getFirst().get("error").asString()).contains("message_template_status_update");
        assertThat(dead.getFirst().get("payload").asString()).isEqualTo(resource("types/whatsapp/template-status.json"));
    }

    @Test
    void messengerTypesEditsAndReactions() {
        long fb = inbox("FACEBOOK", "\"pageId\":\"1234567890\"");
        graph.stubFor(get(urlPathEqualTo(v + "/7700770077")).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(404)));
        MetaIT.stubJson(graph, post(v + "/1234567890/messages"), "{\"recipient_id\":\"7700770077\",\"message_id\":\"m_sent-direct-2\"}");
        String original = "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P";
        var text = SocialTestKit.post(port, "/hooks/meta/" + fb, resource("meta/messenger-message.json"),
                Map.of("X-Hub-Signature-256", MetaIT.sign(resource("meta/messenger-message.json"))));
        assertThat(text.status()).isEqualTo(200);
        queue.processAll();
        for (String type : List.of("sticker", "location", "quick-reply", "postback", "fallback")) {
            deliver(fb, "messenger/" + type + ".json");
        }
        long c = conversations(admin, fb).getFirst().get("id").asLong();
        long reply = SocialTestKit.reply(admin, c, "PRIVATE", "Thanks, label received");
        SocialTestKit.awaitDelivery(admin, c, reply, "SENT");
        deliver(fb, "messenger/reaction.json");
        deliver(fb, "messenger/unreact.json");
        deliver(fb, "messenger/referral.json");

        assertThat(bodies(fb)).containsExactly("Order 8812, here is the label", "sticker",
                "📍 location: 40.4168, -3.7038 — Lucía's Location", "Red", "button: Track my order",
                "shared link: Summer sale — https://www.example.com/sale",
                // the reaction carries the network's time, earlier than this test's reply
                "reaction \u2764\uFE0F to “Thanks, label received”", "Thanks, label received");

        deliver(fb, "messenger/edit.json");
        JsonNode edited = message(fb, original);
        assertThat(edited.get("body").asString()).isEqualTo("Order 8813, here is the label");
        assertThat(edited.get("editedAt").isNull()).isFalse();
        JsonNode changes = admin.get("/api/v1/conversations/" + c + "/messages/" + edited.get("id").asLong() + "/changes").json();
        assertThat(changes.get(0).get("kind").asString()).isEqualTo("edited");
        assertThat(changes.get(0).get("previousBody").asString()).isEqualTo("Order 8812, here is the label");
        deliver(fb, "messenger/edit.json"); // redelivered: one edit
        assertThat(admin.get("/api/v1/conversations/" + c + "/messages/" + edited.get("id").asLong() + "/changes").json()).hasSize(1);

        deliver(fb, "messenger/unknown-event.json");
        assertThat(deadLetters(fb)).singleElement().satisfies(d -> assertThat(d.get("error").asString()).contains("future_event"));
    }

    @Test
    void instagramStoryMentionsReelsUnsupportedDeletesAndReactions() {
        long ig = inbox("INSTAGRAM", "\"igUserId\":\"17841400000000000\"");
        graph.stubFor(get(urlPathEqualTo(v + "/991199119911")).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(404)));
        for (String type : List.of("story-mention", "reel", "unsupported")) {
            deliver(ig, "instagram/" + type + ".json");
        }
        assertThat(bodies(ig)).containsExactly("story mention", "shared reel — New collection",
                "unsupported message type (the network did not say)");
        deliver(ig, "instagram/reaction.json");
        assertThat(bodies(ig)).last().isEqualTo("reaction \u2764\uFE0F to “shared reel — New collection”");

        deliver(ig, "instagram/deleted.json");
        JsonNode reel = message(ig, "aWdfZAG1faXRlbTpyZWVsLTE=");
        assertThat(reel.get("deletedAt").isNull()).isFalse();
        assertThat(reel.get("body").asString()).isEqualTo("shared reel — New collection");
        assertThat(SocialTestKit.notes(admin, reel.get("conversationId").asLong())).contains("unsent");
    }

    @Test
    void aFacebookCommentEditedThenRemovedKeepsBothTextsAndIsMarkedDeletedEvenWhenTheEditComesFirst() {
        long fb = inbox("FACEBOOK", "\"pageId\":\"1234567890\"");
        // The edit is processed first (deliveries race between workers and nodes): it waits for the comment.
        String edit = resource("meta/page-feed-edit-remove.json");
        SocialTestKit.post(port, "/hooks/meta/" + fb, edit, Map.of("X-Hub-Signature-256", MetaIT.sign(edit)));
        queue.processAll();
        String comment = resource("meta/page-feed-comment.json");
        SocialTestKit.post(port, "/hooks/meta/" + fb, comment, Map.of("X-Hub-Signature-256", MetaIT.sign(comment)));
        queue.processAll();
        jdbc.sql("UPDATE social_delivery SET next_attempt_at = received_at WHERE inbox_id = ? AND status = 'PENDING'").param(fb).update();
        queue.processAll();
        JsonNode m = message(fb, "555_9001");
        assertThat(m.get("body").asString()).isEqualTo("My parcel has been stuck in Madrid for TEN days");
        assertThat(m.get("editedAt").isNull()).isFalse();
        assertThat(m.get("deletedAt").isNull()).isFalse();
        JsonNode changes = admin.get("/api/v1/conversations/" + m.get("conversationId").asLong() + "/messages/" + m.get("id").asLong()
                + "/changes").json();
        assertThat(changes).extracting(c -> c.get("kind").asString()).containsExactly("edited", "deleted");
        assertThat(changes.get(0).get("previousBody").asString()).isEqualTo("My parcel has been stuck in Madrid for a week");
    }

    @Test
    void theOlderFeedFormatReactionsAndUnhandledFields() {
        long fb = inbox("FACEBOOK", "\"pageId\":\"1234567890\"");
        deliver(fb, "facebook/feed-legacy-comment.json");
        assertThat(bodies(fb)).containsExactly("Is the shop open on Sunday?");
        JsonNode conversation = conversations(admin, fb).getFirst();
        assertThat(admin.get("/api/v1/customers/" + conversation.get("customerId").asLong()).json().get("identities").get(0)
                .get("displayName").asString()).isEqualTo("Marta Ruiz");

        deliver(fb, "facebook/feed-reaction.json");
        assertThat(bodies(fb)).hasSize(1);
        long commentId = message(fb, "555_9301").get("id").asLong();
        JsonNode changes = admin.get("/api/v1/conversations/" + conversation.get("id").asLong() + "/messages/" + commentId + "/changes").json();
        assertThat(changes.get(0).get("kind").asString()).isEqualTo("reaction-add");
        assertThat(changes.get(0).get("detail").asString()).isEqualTo("like by Marta Ruiz");

        deliver(fb, "facebook/ratings.json");
        assertThat(deadLetters(fb)).singleElement().satisfies(d -> {
            assertThat(d.get("reason").asString()).isEqualTo("unknown-shape");
            assertThat(d.get("error").asString()).contains("ratings");
        });
    }
}
