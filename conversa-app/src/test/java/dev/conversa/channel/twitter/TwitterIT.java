package dev.conversa.channel.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
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
import dev.conversa.channel.webhook.SocialDeliveryQueue;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
 * X (Twitter) contract and end-to-end tests against WireMock. Payloads follow X's documentation:
 * Account Activity events https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/account-activity-data-objects,
 * CRC and signatures https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/securing-webhooks,
 * mentions timeline https://docs.x.com/x-api/posts/timelines/quickstart/user-mention-quickstart,
 * create post https://docs.x.com/x-api/posts/creation-of-a-post, DMs https://docs.x.com/x-api/direct-messages/manage/introduction,
 * OAuth 2.0 refresh https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/user-access-token,
 * rate limits https://docs.x.com/x-api/fundamentals/rate-limits, hide replies https://docs.x.com/x-api/posts/hide-replies/introduction.
 */
@ConversaIT
class TwitterIT {
    static final String SECRET = "consumer-secret-of-the-app";
    static WireMockServer x;

    @LocalServerPort
    int port;
    @Autowired
    SocialDeliveryQueue queue;
    @Autowired
    TwitterMentionsPoller poller;
    @Autowired
    dev.conversa.channel.InboxService inboxes;

    Api admin;
    long inbox;
    String prefix;

    @BeforeAll
    static void startX() {
        x = new WireMockServer(wireMockConfig().dynamicPort());
        x.start();
    }

    @AfterAll
    static void stopX() {
        x.stop();
    }

    @BeforeEach
    void setUp() {
        Api api = new Api(port, null);
        admin = api.as(api.createWorkspace("X").adminToken());
        prefix = "/x-" + UUID.randomUUID().toString().substring(0, 8);
        inbox = SocialTestKit.createInbox(admin, "TWITTER", """
                {"apiBaseUrl":"%s","userId":"2244994945","username":"TwitterDev","retryBackoffMs":"200"}""".formatted(x.baseUrl() + prefix),
                """
                {"consumerSecret":"%s","accessToken":"old-token","refreshToken":"refresh-1","clientId":"client-1","clientSecret":"client-secret"}"""
                        .formatted(SECRET));
    }

    static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    SocialTestKit.Hook deliver(String body) {
        return SocialTestKit.post(port, "/hooks/twitter/" + inbox, body, Map.of("x-twitter-webhooks-signature", sign(body)));
    }

    long deliverAndProcess(String resource) {
        assertThat(deliver(resource(resource)).status()).isEqualTo(200);
        queue.processAll();
        return conversations(admin, inbox).getFirst().get("id").asLong();
    }

    @Test
    void theCrcChallengeIsAnsweredWithTheHmacOfTheToken() {
        var r = SocialTestKit.get(port, "/hooks/twitter/" + inbox + "?crc_token=challenge_string");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"response_token\":\"" + sign("challenge_string") + "\"");
    }

    @Test
    void aDeliveryWithABadSignatureIsRefusedAndNothingIsStored() {
        String body = resource("twitter/aaa-mention.json");
        var r = SocialTestKit.post(port, "/hooks/twitter/" + inbox, body, Map.of("x-twitter-webhooks-signature", "sha256=AAAA"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(SocialTestKit.post(port, "/hooks/twitter/" + inbox, body, Map.of()).status()).isEqualTo(403);
        queue.processAll();
        assertThat(queue.count(inbox)).isZero();
        assertThat(conversations(admin, inbox)).isEmpty();
    }

    @Test
    void aReplayedDeliveryIsStoredOnce() {
        String body = resource("twitter/aaa-mention.json");
        assertThat(deliver(body).status()).isEqualTo(200);
        assertThat(deliver(body).status()).isEqualTo(200);
        queue.processAll();
        assertThat(queue.count(inbox)).isEqualTo(1);
        assertThat(conversations(admin, inbox)).hasSize(1);
        assertThat(messages(admin, conversations(admin, inbox).getFirst().get("id").asLong())).hasSize(1);
    }

    @Test
    void mentionsRepliesAndQuotesBecomeThreadsWithRichIdentities() {
        long c = deliverAndProcess("twitter/aaa-mention.json");
        JsonNode conversation = admin.get("/api/v1/conversations/" + c).json();
        assertThat(conversation.get("threadKey").asString()).isEqualTo("tweet:1050118621198921728");
        JsonNode first = messages(admin, c).getFirst();
        assertThat(first.get("visibility").asString()).isEqualTo("PUBLIC");
        assertThat(first.get("attachments").get(0).get("url").asString()).isEqualTo("https://pbs.twimg.com/media/DpMtBrKXkAAgLco.jpg");
        JsonNode identity = admin.get("/api/v1/customers/" + conversation.get("customerId").asLong()).json().get("identities").get(0);
        assertThat(identity.get("kind").asString()).isEqualTo("TWITTER");
        assertThat(identity.get("value").asString()).isEqualTo("6253282");
        assertThat(identity.get("handle").asString()).isEqualTo("@TwitterAPI");
        assertThat(identity.get("followerCount").asLong()).isEqualTo(6133636);
        assertThat(identity.get("profileUrl").asString()).isEqualTo("https://x.com/TwitterAPI");
        assertThat(identity.get("avatarUrl").asString()).contains("pbs.twimg.com/profile_images");

        assertThat(deliver(resource("twitter/aaa-quote-reply.json")).status()).isEqualTo(200);
        queue.processAll();
        assertThat(messages(admin, c)).hasSize(2); // the reply joins the thread
        assertThat(conversations(admin, inbox)).hasSize(2); // the quote post starts its own
        JsonNode refreshed = admin.get("/api/v1/customers/" + conversation.get("customerId").asLong()).json().get("identities").get(0);
        assertThat(refreshed.get("followerCount").asLong()).isEqualTo(6133640); // refreshed on each message
    }

    @Test
    void endToEndPublicReplyGoesInThreadToTheCustomersLatestPost() {
        x.stubFor(post(prefix + "/2/tweets").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"id\":\"1445880548472328192\",\"text\":\"Sorry! We are on it\"}}")));
        long c = deliverAndProcess("twitter/aaa-mention.json");
        long reply = reply(admin, c, "PUBLIC", "Sorry! We are on it");
        JsonNode sent = awaitDelivery(admin, c, reply, "SENT");
        assertThat(sent.get("externalId").asString()).isEqualTo("1445880548472328192");
        x.verify(1, postRequestedFor(urlEqualTo(prefix + "/2/tweets"))
                .withHeader("Authorization", equalTo("Bearer old-token"))
                .withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo("1050118621198921728")))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Sorry! We are on it"))));
    }

    @Test
    void aListeningMentionOpenedAsACaseIsAnsweredInThreadToThatPost() {
        // proactive care: the brand's listening query finds a post that never reached the X inbox
        String brand = "brand" + System.nanoTime();
        admin.post("/api/v1/listening/queries", """
                {"name":"Complaints","query":"%s AND (delay* OR late)"}""".formatted(brand));
        var intake = admin.post("/api/v1/listening/posts", """
                {"source":"twitter","externalId":"1460323737035677698","authorId":"1324794447532769280","author":"@traveller",
                 "text":"My %s flight is late again, nobody answers","url":"https://x.com/traveller/status/1460323737035677698"}"""
                .formatted(brand)).json();
        assertThat(intake.get("stored").asInt()).isEqualTo(1);
        long mention = admin.get("/api/v1/listening/mentions").json().get("items").get(0).get("id").asLong();

        var opened = admin.post("/api/v1/listening/mentions/" + mention + "/conversation", "{\"inboxId\":" + inbox + "}");
        assertThat(opened.status()).isEqualTo(200);
        long c = opened.json().get("conversationId").asLong();
        assertThat(admin.post("/api/v1/listening/mentions/" + mention + "/conversation", "{\"inboxId\":" + inbox + "}")
                .json().get("conversationId").asLong()).as("opening it again answers the same case").isEqualTo(c);
        assertThat(admin.get("/api/v1/listening/mentions").json().get("items").get(0).get("conversationId").asLong()).isEqualTo(c);
        JsonNode conversation = admin.get("/api/v1/conversations/" + c).json();
        assertThat(conversation.get("channel").asString()).isEqualTo("TWITTER");
        JsonNode customer = admin.get("/api/v1/customers/" + conversation.get("customerId").asLong()).json();
        assertThat(customer.get("identities").toString()).contains("1324794447532769280").contains("@traveller");

        x.stubFor(post(prefix + "/2/tweets").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"id\":\"1460323737035677700\",\"text\":\"We are looking into it\"}}")));
        long reply = reply(admin, c, "PUBLIC", "We are looking into it");
        awaitDelivery(admin, c, reply, "SENT");
        x.verify(1, postRequestedFor(urlEqualTo(prefix + "/2/tweets"))
                .withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo("1460323737035677698"))));
        // a mention of another network is not answered from an X inbox
        admin.post("/api/v1/listening/posts", """
                {"source":"mastodon","externalId":"m-1","text":"%s late","author":"@a@mastodon.social"}""".formatted(brand));
        long mastodon = admin.get("/api/v1/listening/mentions?size=50").json().get("items").get(0).get("id").asLong();
        var refused = admin.post("/api/v1/listening/mentions/" + mastodon + "/conversation", "{\"inboxId\":" + inbox + "}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("inboxId");
        // a source no channel declares is not silently taken for one: refused on the X inbox, naming the source,
        // and answered from an API inbox with the author as an external identity
        admin.post("/api/v1/listening/posts", """
                {"source":"myspace","externalId":"ms-1","text":"%s late","author":"tom"}""".formatted(brand));
        long unknown = admin.get("/api/v1/listening/mentions?size=50").json().get("items").get(0).get("id").asLong();
        var notX = admin.post("/api/v1/listening/mentions/" + unknown + "/conversation", "{\"inboxId\":" + inbox + "}");
        assertThat(notX.status()).isEqualTo(400);
        assertThat(notX.json().get("errors").get(0).get("field").asString()).isEqualTo("inboxId");
        assertThat(notX.json().get("detail").asString())
                .isEqualTo("no channel answers mentions from the source \"myspace\": open this one on an API inbox, not TWITTER");
        long api = admin.post("/api/v1/inboxes", "{\"name\":\"Care API\",\"channel\":\"API\"}").json().get("id").asLong();
        var onApi = admin.post("/api/v1/listening/mentions/" + unknown + "/conversation", "{\"inboxId\":" + api + "}");
        assertThat(onApi.status()).isEqualTo(200);
        JsonNode apiCase = admin.get("/api/v1/conversations/" + onApi.json().get("conversationId").asLong()).json();
        assertThat(admin.get("/api/v1/customers/" + apiCase.get("customerId").asLong()).json().get("identities").get(0)
                .get("kind").asString()).isEqualTo("EXTERNAL");
    }

    @Test
    void endToEndMovingToDmKeepsOneCaseAndReadReceiptsAndDeletionsShow() {
        x.stubFor(post(prefix + "/2/dm_conversations/with/6253282/messages").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"dm_conversation_id\":\"6253282-2244994945\",\"dm_event_id\":\"1200000000000000000\"}}")));
        long c = deliverAndProcess("twitter/aaa-mention.json");
        assertThat(deliver(resource("twitter/aaa-quote-reply.json")).status()).isEqualTo(200);
        queue.processAll();
        long dm = reply(admin, c, "PRIVATE", "Could you DM us your order number?");
        awaitDelivery(admin, c, dm, "SENT");
        x.verify(1, postRequestedFor(urlEqualTo(prefix + "/2/dm_conversations/with/6253282/messages"))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Could you DM us your order number?"))));

        assertThat(deliver(resource("twitter/aaa-direct-message.json")).status()).isEqualTo(200);
        queue.processAll();
        var all = messages(admin, c);
        assertThat(all).hasSize(4); // mention, reply, our DM, the customer's DM: one case
        JsonNode customerDm = all.stream().filter(n -> "954491830116155396".equals(n.get("externalId").asString())).findFirst().orElseThrow();
        assertThat(customerDm.get("visibility").asString()).isEqualTo("PRIVATE");
        assertThat(customerDm.get("attachments").get(0).get("url").asString()).contains("ton.twitter.com");

        assertThat(deliver(resource("twitter/aaa-read-and-delete.json")).status()).isEqualTo(200);
        queue.processAll();
        awaitDelivery(admin, c, dm, "READ");
        assertThat(SocialTestKit.notes(admin, c)).contains("deleted this post on X");
    }

    @Test
    void a429DelaysTheSendUntilTheResetAndItGoesOutOnce() {
        long reset = Instant.now().plusSeconds(2).getEpochSecond();
        x.stubFor(post(prefix + "/2/tweets").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("x-rate-limit-limit", "100")
                        .withHeader("x-rate-limit-remaining", "0").withHeader("x-rate-limit-reset", String.valueOf(reset))
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}"))
                .willSetStateTo("reset"));
        x.stubFor(post(prefix + "/2/tweets").inScenario("limit").whenScenarioStateIs("reset")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"id\":\"1445880548472328199\",\"text\":\"ok\"}}")));
        long c = deliverAndProcess("twitter/aaa-mention.json");
        Instant start = Instant.now();
        long reply = reply(admin, c, "PUBLIC", "We are checking");
        awaitDelivery(admin, c, reply, "SENT");
        assertThat(Duration.between(start, Instant.now())).isGreaterThan(Duration.ofMillis(900));
        x.verify(2, postRequestedFor(urlEqualTo(prefix + "/2/tweets")));
    }

    @Test
    void anExpiredTokenIsRefreshedAndARevokedOneShowsAsAnInboxError() {
        x.stubFor(post(prefix + "/2/tweets").withHeader("Authorization", equalTo("Bearer old-token"))
                .willReturn(aResponse().withStatus(401).withBody("{\"title\":\"Unauthorized\",\"status\":401}")));
        x.stubFor(post(prefix + "/2/oauth2/token").withRequestBody(matchingJsonPathOrForm("refresh_token=refresh-1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"token_type":"bearer","expires_in":7200,"access_token":"new-token","scope":"tweet.read tweet.write users.read offline.access","refresh_token":"refresh-2"}""")));
        x.stubFor(post(prefix + "/2/tweets").withHeader("Authorization", equalTo("Bearer new-token"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"id\":\"1445880548472328100\",\"text\":\"ok\"}}")));
        long c = deliverAndProcess("twitter/aaa-mention.json");
        awaitDelivery(admin, c, reply(admin, c, "PUBLIC", "Thanks for waiting"), "SENT");
        JsonNode inboxJson = admin.get("/api/v1/inboxes/" + inbox).json();
        assertThat(inboxJson.get("status").asString()).isEqualTo("ACTIVE");

        // The refresh token is revoked too: the reply fails and admins see why on the inbox.
        x.stubFor(post(prefix + "/2/tweets").withHeader("Authorization", equalTo("Bearer new-token"))
                .willReturn(aResponse().withStatus(401).withBody("{\"title\":\"Unauthorized\",\"status\":401}")));
        x.stubFor(post(prefix + "/2/oauth2/token").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_request\",\"error_description\":\"Value passed for the token was invalid.\"}")));
        JsonNode failed = awaitDelivery(admin, c, reply(admin, c, "PUBLIC", "Hello?"), "FAILED");
        assertThat(failed.get("deliveryError").asString()).contains("refresh");
        inboxJson = admin.get("/api/v1/inboxes/" + inbox).json();
        assertThat(inboxJson.get("status").asString()).isEqualTo("ERROR");
        assertThat(inboxJson.get("lastError").asString()).contains("X refused to refresh the access token");
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern matchingJsonPathOrForm(String fragment) {
        return com.github.tomakehurst.wiremock.client.WireMock.containing(fragment);
    }

    @Test
    void theMentionsTimelineIsPolledIntoConversationThreads() {
        x.stubFor(get(urlPathEqualTo(prefix + "/2/users/2244994945/mentions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("x-rate-limit-remaining", "179")
                .withBody(resource("twitter/v2-mentions.json"))));
        var box = inboxes.allOfChannel(dev.conversa.kernel.ChannelType.TWITTER).stream().filter(i -> i.id() == inbox).findFirst().orElseThrow();
        assertThat(poller.pollNow(box)).isEqualTo(1);
        assertThat(poller.pollNow(box)).isZero(); // redelivered by the next poll: stored once
        JsonNode conversation = conversations(admin, inbox).getFirst();
        assertThat(conversation.get("threadKey").asString()).isEqualTo("tweet:1375152449594523649");
        JsonNode m = messages(admin, conversation.get("id").asLong()).getFirst();
        assertThat(m.get("externalId").asString()).isEqualTo("1375152598945312768");
        assertThat(m.get("attachments").get(0).get("url").asString()).isEqualTo("https://pbs.twimg.com/media/Exm8nL1XIAA3SbT.jpg");
        JsonNode identity = admin.get("/api/v1/customers/" + conversation.get("customerId").asLong()).json().get("identities").get(0);
        assertThat(identity.get("handle").asString()).isEqualTo("@ana_g");
        assertThat(identity.get("followerCount").asLong()).isEqualTo(1520);
        x.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(prefix + "/2/users/2244994945/mentions"))
                .withQueryParam("since_id", equalTo("1375152598945312768")));
    }

    @Test
    void aBurstOfMentionsBetweenTwoPollsIsReadBackThroughEveryPage() throws Exception {
        try (var timeline = new MentionsTimelineServer()) {
            long id = SocialTestKit.createInbox(admin, "TWITTER", """
                    {"apiBaseUrl":"%s","userId":"2244994945","username":"acme"}""".formatted(timeline.baseUrl()), """
                    {"accessToken":"token-1"}""");
            var box = inboxes.allOfChannel(dev.conversa.kernel.ChannelType.TWITTER).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
            timeline.mention(501, "hola");
            assertThat(poller.pollNow(box)).isEqualTo(1);
            for (int i = 0; i < 250; i++) {
                timeline.mention(600 + i % 9, "ráfaga " + i);
            }
            int before = timeline.calls();
            assertThat(poller.pollNow(box)).as("three pages of 100, back to the last seen post").isEqualTo(250);
            assertThat(timeline.calls() - before).isEqualTo(3);
            assertThat(poller.pollNow(box)).isZero();
            assertThat(admin.get("/api/v1/conversations?inboxId=" + id + "&size=1").json().get("total").asLong())
                    .isEqualTo(251);
        }
    }

    @Test
    void hidingAReplyIsAuditedWithItsReason() {
        x.stubFor(put(prefix + "/2/tweets/1050118621198921728/hidden").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":{\"hidden\":true}}")));
        long c = deliverAndProcess("twitter/aaa-mention.json");
        long message = messages(admin, c).getFirst().get("id").asLong();
        var r = admin.post("/api/v1/conversations/" + c + "/messages/" + message + "/moderation", """
                {"action":"HIDE","reason":"contains the customer's phone number"}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        x.verify(putRequestedFor(urlEqualTo(prefix + "/2/tweets/1050118621198921728/hidden"))
                .withRequestBody(matchingJsonPath("$.hidden", equalTo("true"))));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(admin.get("/api/v1/audit?action=comment.hide").body()).contains("contains the customer's phone number"));
        assertThat(admin.post("/api/v1/conversations/" + c + "/messages/" + message + "/moderation", """
                {"action":"DELETE"}""").status()).isEqualTo(400); // X does not let brands delete others' posts
    }
}
