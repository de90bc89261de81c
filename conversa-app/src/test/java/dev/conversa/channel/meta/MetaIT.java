package dev.conversa.channel.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.conversa.channel.twitter.SocialTestKit.awaitDelivery;
import static dev.conversa.channel.twitter.SocialTestKit.conversations;
import static dev.conversa.channel.twitter.SocialTestKit.messages;
import static dev.conversa.channel.twitter.SocialTestKit.reply;
import static dev.conversa.channel.twitter.SocialTestKit.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.conversa.channel.twitter.SocialTestKit;
import dev.conversa.channel.webhook.SocialDeliveryQueue;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Facebook pages, Messenger, Instagram and WhatsApp against WireMock, with payloads from Meta's documentation:
 * webhooks and verification https://developers.facebook.com/docs/graph-api/webhooks/getting-started,
 * Page feed https://developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed,
 * Messenger events https://developers.facebook.com/docs/messenger-platform/webhooks,
 * Send API and private replies https://developers.facebook.com/docs/messenger-platform/reference/send-api/ and
 * https://developers.facebook.com/docs/messenger-platform/discovery/private-replies,
 * comments https://developers.facebook.com/docs/graph-api/reference/object/comments/,
 * Instagram webhooks https://developers.facebook.com/docs/instagram-platform/webhooks and mentions
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_comment,
 * WhatsApp messages webhook https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages,
 * WhatsApp send https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages and media
 * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media.
 */
@ConversaIT
class MetaIT {
    static final String APP_SECRET = "meta-app-secret";
    static WireMockServer graph;

    @LocalServerPort
    int port;
    @Autowired
    SocialDeliveryQueue queue;

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
        admin = api.as(api.createWorkspace("Meta").adminToken());
        prefix = "/g-" + UUID.randomUUID().toString().substring(0, 8);
        v = prefix + "/" + MetaGraph.GRAPH_VERSION;
    }

    long inbox(String channel, String settings) {
        return SocialTestKit.createInbox(admin, channel, "{\"apiBaseUrl\":\"%s\",\"retryBackoffMs\":\"200\",%s}".formatted(
                graph.baseUrl() + prefix, settings), """
                {"accessToken":"page-token","appSecret":"%s","verifyToken":"verify-me"}""".formatted(APP_SECRET));
    }

    static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void deliver(long inbox, String body) {
        var r = SocialTestKit.post(port, "/hooks/meta/" + inbox, body, Map.of("X-Hub-Signature-256", sign(body)));
        assertThat(r.status()).isEqualTo(200);
        queue.processAll();
    }

    static void stubJson(WireMockServer server, com.github.tomakehurst.wiremock.client.MappingBuilder request, String json) {
        server.stubFor(request.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json)));
    }

    @Test
    void theSubscriptionIsVerifiedAndBadSignaturesAreRefusedWithoutStoringAnything() {
        long fb = inbox("FACEBOOK", "\"pageId\":\"1234567890\"");
        var ok = SocialTestKit.get(port, "/hooks/meta/" + fb + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=verify-me");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(SocialTestKit.get(port, "/hooks/meta/" + fb + "?hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong").status())
                .isEqualTo(403);

        String body = resource("meta/page-feed-comment.json");
        assertThat(SocialTestKit.post(port, "/hooks/meta/" + fb, body, Map.of("X-Hub-Signature-256", sign(body + " "))).status())
                .isEqualTo(403);
        assertThat(SocialTestKit.post(port, "/hooks/meta/" + fb, body, Map.of()).status()).isEqualTo(403);
        queue.processAll();
        assertThat(queue.count(fb)).isZero();
        assertThat(conversations(admin, fb)).isEmpty();

        deliver(fb, body);
        deliver(fb, body); // Meta redelivers until it gets a 200 in time: stored once
        assertThat(queue.count(fb)).isEqualTo(1);
        assertThat(messages(admin, conversations(admin, fb).getFirst().get("id").asLong())).hasSize(1);
    }

    @Test
    void facebookCommentThreadRepliedPubliclyThenPrivatelyStaysOneCase() {
        long fb = inbox("FACEBOOK", "\"pageId\":\"1234567890\"");
        stubJson(graph, post(v + "/555_9001/comments"), "{\"id\":\"555_9100\"}");
        stubJson(graph, post(v + "/1234567890/messages").withRequestBody(matchingJsonPath("$.recipient.comment_id")),
                "{\"recipient_id\":\"7700770077\",\"message_id\":\"m_sent-private-reply-1\"}");
        stubJson(graph, post(v + "/1234567890/messages").withRequestBody(matchingJsonPath("$.recipient.id")),
                "{\"recipient_id\":\"7700770077\",\"message_id\":\"m_sent-direct-2\"}");
        stubJson(graph, get(urlPathEqualTo(v + "/7700770077")),
                "{\"first_name\":\"Lucía\",\"last_name\":\"Fernández\",\"profile_pic\":\"https://platform-lookaside.fbsbx.com/p.jpg\",\"id\":\"7700770077\"}");

        deliver(fb, resource("meta/page-feed-comment.json"));
        JsonNode conversation = conversations(admin, fb).getFirst();
        long c = conversation.get("id").asLong();
        assertThat(conversation.get("threadKey").asString()).isEqualTo("post:1234567890_555");
        assertThat(messages(admin, c).getFirst().get("body").asString()).isEqualTo("My parcel has been stuck in Madrid for a week");

        long publicReply = reply(admin, c, "PUBLIC", "We are sorry, Lucía! Checking now.");
        assertThat(awaitDelivery(admin, c, publicReply, "SENT").get("externalId").asString()).isEqualTo("555_9100");
        graph.verify(postRequestedFor(urlEqualTo(v + "/555_9001/comments"))
                .withHeader("Authorization", equalTo("Bearer page-token"))
                .withRequestBody(matchingJsonPath("$.message", equalTo("We are sorry, Lucía! Checking now."))));

        long privateReply = reply(admin, c, "PRIVATE", "Could you send us your order number here?");
        awaitDelivery(admin, c, privateReply, "SENT");
        graph.verify(postRequestedFor(urlEqualTo(v + "/1234567890/messages"))
                .withRequestBody(matchingJsonPath("$.recipient.comment_id", equalTo("555_9001")))
                .withRequestBody(matchingJsonPath("$.messaging_type", equalTo("RESPONSE")))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo("Could you send us your order number here?"))));

        deliver(fb, resource("meta/messenger-message.json"));
        List<JsonNode> all = messages(admin, c);
        assertThat(all).hasSize(4);
        JsonNode dm = all.stream().filter(n -> n.get("externalId").asString().startsWith("m_AG5Hz2")).findFirst().orElseThrow();
        assertThat(dm.get("visibility").asString()).isEqualTo("PRIVATE");
        assertThat(dm.get("attachments").get(0).get("url").asString()).contains("label.jpg");
        assertThat(conversations(admin, fb)).hasSize(1);

        deliver(fb, resource("meta/messenger-delivery-read.json"));
        awaitDelivery(admin, c, privateReply, "READ");

        deliver(fb, resource("meta/page-feed-edit-remove.json"));
        assertThat(SocialTestKit.notes(admin, c)).contains("TEN days").contains("was removed from Facebook");

        // A second private reply goes straight to the person now (no second private reply to the comment).
        long again = reply(admin, c, "PRIVATE", "Thanks, found it.");
        awaitDelivery(admin, c, again, "SENT");
        graph.verify(postRequestedFor(urlEqualTo(v + "/1234567890/messages"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("7700770077"))));
    }

    @Test
    void visitorPostsAreTheirOwnConversationAndHidingACommentIsAudited() {
        long fb = inbox("FACEBOOK", "\"pageId\":\"1234567890\"");
        stubJson(graph, post(v + "/555_9001"), "{\"success\":true}");
        deliver(fb, resource("meta/page-visitor-post.json"));
        deliver(fb, resource("meta/page-feed-comment.json"));
        assertThat(conversations(admin, fb)).extracting(n -> n.get("threadKey").asString())
                .containsExactlyInAnyOrder("post:1234567890_777", "post:1234567890_555");
        long c = conversations(admin, fb).stream().filter(n -> n.get("threadKey").asString().endsWith("_555")).findFirst()
                .orElseThrow().get("id").asLong();
        long comment = messages(admin, c).getFirst().get("id").asLong();
        var r = admin.post("/api/v1/conversations/" + c + "/messages/" + comment + "/moderation", """
                {"action":"HIDE","reason":"shares a tracking number publicly"}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        graph.verify(postRequestedFor(urlEqualTo(v + "/555_9001")).withRequestBody(matchingJsonPath("$.is_hidden", equalTo("true"))));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(admin.get("/api/v1/audit?action=comment.hide").body()).contains("shares a tracking number publicly"));
        assertThat(SocialTestKit.notes(admin, c)).contains("hidden");
    }

    @Test
    void instagramCommentsMentionsAndDmsWithPublicAndPrivateReplies() {
        long ig = inbox("INSTAGRAM", "\"igUserId\":\"17841405822304914\"");
        stubJson(graph, post(v + "/17865799348089039/replies"), "{\"id\":\"17881770991003328\"}");
        stubJson(graph, post(v + "/17841405822304914/messages"),
                "{\"recipient_id\":\"232323232\",\"message_id\":\"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1ODIyNTAzMj\"}");
        stubJson(graph, get(urlPathEqualTo(v + "/17841405822304914")), """
                {"mentioned_comment":{"timestamp":"2017-05-26T14:40:22+0000","text":"@brand my order arrived broken","id":"17894227972186120",
                 "username":"other_user","from":{"id":"454545","username":"other_user"},"media":{"id":"17918195224117851"}},"id":"17841405822304914"}""");
        stubJson(graph, get(urlPathEqualTo(v + "/232323232")),
                "{\"name\":\"Test User\",\"username\":\"test_user\",\"profile_pic\":\"https://scontent.cdninstagram.com/p.jpg\",\"follower_count\":1234}");

        deliver(ig, resource("meta/instagram-comment.json"));
        JsonNode conversation = conversations(admin, ig).getFirst();
        long c = conversation.get("id").asLong();
        assertThat(conversation.get("threadKey").asString()).isEqualTo("media:123123123");
        JsonNode identity = admin.get("/api/v1/customers/" + conversation.get("customerId").asLong()).json().get("identities").get(0);
        assertThat(identity.get("handle").asString()).isEqualTo("@test_user");
        assertThat(identity.get("profileUrl").asString()).isEqualTo("https://www.instagram.com/test_user");

        awaitDelivery(admin, c, reply(admin, c, "PUBLIC", "Oh no! We will replace it."), "SENT");
        graph.verify(postRequestedFor(urlEqualTo(v + "/17865799348089039/replies"))
                .withRequestBody(matchingJsonPath("$.message", equalTo("Oh no! We will replace it."))));
        awaitDelivery(admin, c, reply(admin, c, "PRIVATE", "Send us a photo here, please"), "SENT");
        graph.verify(postRequestedFor(urlEqualTo(v + "/17841405822304914/messages"))
                .withRequestBody(matchingJsonPath("$.recipient.comment_id", equalTo("17865799348089039"))));

        deliver(ig, resource("meta/instagram-dm.json"));
        List<JsonNode> all = messages(admin, c);
        assertThat(all).hasSize(4);
        JsonNode dm = all.stream().filter(n -> n.get("body").asString().equals("Sent you the photo of the zipper")).findFirst()
                .orElseThrow(() -> new AssertionError(all.toString()));
        assertThat(dm.get("attachments").get(0).get("contentType").asString()).isEqualTo("image/jpeg");
        JsonNode dmAuthor = admin.get("/api/v1/customers?size=50").json();
        assertThat(dmAuthor.toString()).contains("Test User");

        deliver(ig, resource("meta/instagram-mention.json"));
        JsonNode mention = conversations(admin, ig).stream().filter(n -> n.get("threadKey").asString().equals("media:17918195224117851"))
                .findFirst().orElseThrow();
        assertThat(messages(admin, mention.get("id").asLong()).getFirst().get("body").asString()).isEqualTo("@brand my order arrived broken");
    }

    String whatsapp(String resourceName, Instant at) {
        return resource(resourceName).replace("TIMESTAMP", String.valueOf(at.getEpochSecond()));
    }

    @Test
    void whatsappMessagesMediaStatusesAndTheReplyWindow() {
        long wa = inbox("WHATSAPP", "\"phoneNumberId\":\"106540352242922\",\"wabaId\":\"102290129340398\"");
        stubJson(graph, post(v + "/106540352242922/messages"), """
                {"messaging_product":"whatsapp","contacts":[{"input":"16505551234","wa_id":"16505551234"}],
                 "messages":[{"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA"}]}""");
        stubJson(graph, get(urlPathEqualTo(v + "/1003383421387256")), """
                {"messaging_product":"whatsapp","url":"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1003383421387256",
                 "mime_type":"image/jpeg","sha256":"NOrxrRemU1Vd/cZ4CqV4gUvKXhrqX2v8Xf1MEmxVN7Q=","file_size":303833,"id":"1003383421387256"}""");

        deliver(wa, whatsapp("meta/whatsapp-text.json", Instant.now().minusSeconds(60)));
        deliver(wa, whatsapp("meta/whatsapp-image.json", Instant.now()));
        JsonNode conversation = conversations(admin, wa).getFirst();
        long c = conversation.get("id").asLong();
        assertThat(conversation.get("threadKey").asString()).isEqualTo("wa:16505551234");
        List<JsonNode> in = messages(admin, c);
        assertThat(in).hasSize(2);
        assertThat(in.getLast().get("body").asString()).isEqualTo("This one, but in blue");
        assertThat(in.getLast().get("attachments").get(0).get("sizeBytes").asLong()).isEqualTo(303833);
        JsonNode identity = admin.get("/api/v1/customers/" + conversation.get("customerId").asLong()).json().get("identities").get(0);
        assertThat(identity.get("value").asString()).isEqualTo("+16505551234");
        assertThat(identity.get("displayName").asString()).isEqualTo("Sheena Nelson");

        JsonNode window = admin.get("/api/v1/conversations/" + c + "/reply-window").json();
        assertThat(window.get("open").asBoolean()).isTrue();
        assertThat(window.get("templateRequired").asBoolean()).isFalse();

        long r = reply(admin, c, "PRIVATE", "Yes, it also comes in blue and green.");
        assertThat(awaitDelivery(admin, c, r, "SENT").get("externalId").asString())
                .isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA");
        graph.verify(postRequestedFor(urlEqualTo(v + "/106540352242922/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo("16505551234")))
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo("Yes, it also comes in blue and green."))));

        deliver(wa, resource("meta/whatsapp-statuses.json")); // read arrives before delivered: read stays
        awaitDelivery(admin, c, r, "READ");
        queue.processAll();
        assertThat(awaitDelivery(admin, c, r, "READ").get("deliveryStatus").asString()).isEqualTo("READ");
    }

    @Test
    void outsideTheTwentyFourHourWindowOnlyATemplateGoesOut() {
        long wa = inbox("WHATSAPP", "\"phoneNumberId\":\"106540352242922\"");
        stubJson(graph, post(v + "/106540352242922/messages"), """
                {"messaging_product":"whatsapp","contacts":[{"input":"16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.template-1"}]}""");
        deliver(wa, whatsapp("meta/whatsapp-text.json", Instant.now().minus(Duration.ofHours(25))));
        long c = conversations(admin, wa).getFirst().get("id").asLong();
        JsonNode window = admin.get("/api/v1/conversations/" + c + "/reply-window").json();
        assertThat(window.get("open").asBoolean()).isFalse();
        assertThat(window.get("templateRequired").asBoolean()).isTrue();

        JsonNode refused = awaitDelivery(admin, c, reply(admin, c, "PRIVATE", "Hi again!"), "FAILED");
        assertThat(refused.get("deliveryError").asString()).contains("24-hour").contains("template");
        graph.verify(0, postRequestedFor(urlEqualTo(v + "/106540352242922/messages")));

        long template = reply(admin, c, "PRIVATE", "/template order_update es | Sheena | 8812");
        awaitDelivery(admin, c, template, "SENT");
        graph.verify(1, postRequestedFor(urlEqualTo(v + "/106540352242922/messages"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("order_update")))
                .withRequestBody(matchingJsonPath("$.template.language.code", equalTo("es")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[1].text", equalTo("8812"))));
    }

    @Test
    void aThrottledSendWaitsAndGoesOutOnceAndARevokedTokenIsAnInboxError() {
        long wa = inbox("WHATSAPP", "\"phoneNumberId\":\"106540352242922\"");
        graph.stubFor(post(v + "/106540352242922/messages").inScenario("throttle")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\",\"code\":130429,\"fbtrace_id\":\"Az8or2yhqkZfEZ-_4Qn_Bam\"}}"))
                .willSetStateTo("open"));
        graph.stubFor(post(v + "/106540352242922/messages").inScenario("throttle").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.after-throttle\"}]}"))
                .willSetStateTo("revoked"));
        graph.stubFor(post(v + "/106540352242922/messages").inScenario("throttle").whenScenarioStateIs("revoked")
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Error validating access token: The session has been invalidated because the user changed their password.\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":460}}")));
        deliver(wa, whatsapp("meta/whatsapp-text.json", Instant.now()));
        long c = conversations(admin, wa).getFirst().get("id").asLong();
        long r = reply(admin, c, "PRIVATE", "On its way");
        assertThat(awaitDelivery(admin, c, r, "SENT").get("externalId").asString()).isEqualTo("wamid.after-throttle");
        graph.verify(2, postRequestedFor(urlEqualTo(v + "/106540352242922/messages")));

        JsonNode failed = awaitDelivery(admin, c, reply(admin, c, "PRIVATE", "Anything else?"), "FAILED");
        assertThat(failed.get("deliveryError").asString()).contains("expired or was revoked");
        JsonNode inboxJson = admin.get("/api/v1/inboxes/" + wa).json();
        assertThat(inboxJson.get("status").asString()).isEqualTo("ERROR");
    }
}
