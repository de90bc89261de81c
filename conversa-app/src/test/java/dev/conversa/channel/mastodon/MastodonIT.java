package dev.conversa.channel.mastodon;

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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.twitter.SocialTestKit;
import dev.conversa.channel.webhook.SocialDeliveryQueue;
import dev.conversa.kernel.ChannelType;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
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
 * Mastodon against WireMock, with payloads from the Mastodon documentation: streaming (server-sent events)
 * https://docs.joinmastodon.org/methods/streaming/, Notification https://docs.joinmastodon.org/entities/Notification/,
 * Status https://docs.joinmastodon.org/entities/Status/, notifications https://docs.joinmastodon.org/methods/notifications/,
 * posting statuses with visibility and Idempotency-Key https://docs.joinmastodon.org/methods/statuses/#create,
 * rate limits https://docs.joinmastodon.org/api/rate-limits/.
 */
@ConversaIT
class MastodonIT {
    static WireMockServer instance;

    @LocalServerPort
    int port;
    @Autowired
    SocialDeliveryQueue queue;
    @Autowired
    MastodonStream stream;
    @Autowired
    InboxService inboxes;

    Api admin;
    long inbox;
    String prefix;

    @BeforeAll
    static void start() {
        instance = new WireMockServer(wireMockConfig().dynamicPort());
        instance.start();
    }

    @AfterAll
    static void stop() {
        instance.stop();
    }

    @BeforeEach
    void setUp() {
        Api api = new Api(port, null);
        admin = api.as(api.createWorkspace("Mastodon").adminToken());
        prefix = "/m-" + UUID.randomUUID().toString().substring(0, 8);
        // The stubbed instance lives on localhost; identities are user@localhost there, as on any instance.
        inbox = SocialTestKit.createInbox(admin, "MASTODON", """
                {"instanceUrl":"%s","accountId":"1","acct":"acme","streaming":"false","retryBackoffMs":"200"}"""
                .formatted(instance.baseUrl() + prefix), "{\"accessToken\":\"mastodon-token\"}");
    }

    Inbox box() {
        return inboxes.allOfChannel(ChannelType.MASTODON).stream().filter(i -> i.id() == inbox).findFirst().orElseThrow();
    }

    void stream(String resourceName) throws Exception {
        instance.stubFor(get(urlPathEqualTo(prefix + "/api/v1/streaming/user")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(resource(resourceName))));
        stream.streamOnce(box());
        queue.processAll();
    }

    static String status(String id, String visibility) {
        return """
                {"id":"%s","created_at":"2019-11-23T08:00:00.000Z","visibility":"%s","content":"<p>ok</p>","account":{"id":"1","acct":"acme"}}"""
                .formatted(id, visibility);
    }

    @Test
    void streamedMentionsAndDmsWithPublicAndDirectRepliesStayOneCase() throws Exception {
        instance.stubFor(post(prefix + "/api/v1/statuses").withRequestBody(matchingJsonPath("$.visibility", equalTo("public")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(status("103186250000000000", "public"))));
        instance.stubFor(post(prefix + "/api/v1/statuses").withRequestBody(matchingJsonPath("$.visibility", equalTo("direct")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(status("103186300000000000", "direct"))));
        stream("mastodon/stream-mention.txt");
        JsonNode conversation = conversations(admin, inbox).getFirst();
        long c = conversation.get("id").asLong();
        assertThat(conversations(admin, inbox)).hasSize(1); // timeline updates are not customer messages
        assertThat(conversation.get("threadKey").asString()).isEqualTo("status:103186126728896492");
        JsonNode m = messages(admin, c).getFirst();
        assertThat(m.get("body").asString()).isEqualTo("@acme my sync keeps failing & I lost a draft");
        assertThat(m.get("attachments").get(0).get("url").asString()).endsWith("57859aede991da25.jpeg");
        JsonNode identity = admin.get("/api/v1/customers/" + conversation.get("customerId").asLong()).json().get("identities").get(0);
        assertThat(identity.get("value").asString()).isEqualTo("zsc@localhost");
        assertThat(identity.get("displayName").asString()).isEqualTo("Zhang");
        assertThat(identity.get("followerCount").asLong()).isEqualTo(6);

        long publicReply = reply(admin, c, "PUBLIC", "Sorry about that! Which app version?");
        awaitDelivery(admin, c, publicReply, "SENT");
        instance.verify(postRequestedFor(urlEqualTo(prefix + "/api/v1/statuses"))
                .withHeader("Authorization", equalTo("Bearer mastodon-token"))
                .withHeader("Idempotency-Key", equalTo("conversa-message-" + publicReply))
                .withRequestBody(matchingJsonPath("$.in_reply_to_id", equalTo("103186126728896492")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("@zsc@localhost Sorry about that! Which app version?"))));

        long dm = reply(admin, c, "PRIVATE", "Could you send us your account email privately?");
        assertThat(awaitDelivery(admin, c, dm, "SENT").get("externalId").asString()).isEqualTo("103186300000000000");
        instance.verify(postRequestedFor(urlEqualTo(prefix + "/api/v1/statuses"))
                .withRequestBody(matchingJsonPath("$.visibility", equalTo("direct")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("@zsc@localhost Could you send us your account email privately?"))));

        stream("mastodon/stream-direct-and-delete.txt");
        var all = messages(admin, c);
        assertThat(all).hasSize(4);
        assertThat(all.stream().filter(n -> "103186200000000001".equals(n.get("externalId").asString())).findFirst().orElseThrow()
                .get("visibility").asString()).isEqualTo("PRIVATE");
        assertThat(SocialTestKit.notes(admin, c)).contains("TWO drafts").contains("deleted this post on Mastodon");
    }

    @Test
    void theNotificationsCatchUpAndTheStreamStoreAMentionOnce() throws Exception {
        String notification = resource("mastodon/stream-mention.txt").lines().filter(l -> l.startsWith("data: {\"id\":\"34975861\""))
                .findFirst().orElseThrow().substring("data: ".length());
        instance.stubFor(get(urlPathEqualTo(prefix + "/api/v1/notifications")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[" + notification + "]")));
        assertThat(stream.catchUp(box())).isEqualTo(1);
        stream("mastodon/stream-mention.txt");
        assertThat(queue.count(inbox)).isEqualTo(1);
        assertThat(messages(admin, conversations(admin, inbox).getFirst().get("id").asLong())).hasSize(1);
    }

    @Test
    void aLongDisconnectionIsCaughtUpPageByPageFromTheLastSeenNotification() throws Exception {
        try (var server = new MastodonServer()) {
            long id = SocialTestKit.createInbox(admin, "MASTODON", """
                    {"instanceUrl":"%s","accountId":"1","acct":"acme","streaming":"false"}""".formatted(server.baseUrl()),
                    "{\"accessToken\":\"mastodon-token\"}");
            var box = inboxes.allOfChannel(ChannelType.MASTODON).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
            server.mention(71, "primera");
            assertThat(stream.catchUp(box)).isEqualTo(1);
            for (int i = 0; i < 95; i++) {
                server.mention(72 + i % 5, "mientras tanto " + i);
            }
            assertThat(stream.catchUp(box)).as("pages of 40, 40 and 15 after the last seen one").isEqualTo(95);
            assertThat(stream.catchUp(box)).isZero();
            assertThat(queue.count(id)).isEqualTo(96);
        }
    }

    @Test
    void aRateLimitedPostWaitsForTheResetAndIsPostedOnce() throws Exception {
        instance.stubFor(post(prefix + "/api/v1/statuses").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("X-RateLimit-Limit", "300").withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", Instant.now().plusSeconds(1).toString())
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Too many requests\"}"))
                .willSetStateTo("ok"));
        instance.stubFor(post(prefix + "/api/v1/statuses").inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(status("103186250000000077", "public"))));
        stream("mastodon/stream-mention.txt");
        long c = conversations(admin, inbox).getFirst().get("id").asLong();
        long r = reply(admin, c, "PUBLIC", "Looking into it");
        awaitDelivery(admin, c, r, "SENT");
        instance.verify(2, postRequestedFor(urlEqualTo(prefix + "/api/v1/statuses"))
                .withHeader("Idempotency-Key", equalTo("conversa-message-" + r)));
    }
}
