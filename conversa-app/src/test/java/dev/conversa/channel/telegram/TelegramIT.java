package dev.conversa.channel.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import dev.conversa.channel.InboxService;
import dev.conversa.channel.twitter.SocialTestKit;
import dev.conversa.channel.webhook.SocialDeliveryQueue;
import dev.conversa.kernel.ChannelType;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
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
 * Telegram Bot API against WireMock, with payloads from the Bot API documentation: Update and Message
 * https://core.telegram.org/bots/api#update, webhook secret token https://core.telegram.org/bots/api#setwebhook,
 * long polling https://core.telegram.org/bots/api#getupdates, sendMessage https://core.telegram.org/bots/api#sendmessage,
 * flood limits (429 with retry_after) https://core.telegram.org/bots/api#responseparameters and
 * https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this; sample updates as in
 * https://core.telegram.org/bots/webhooks#testing-your-bot-with-updates.
 */
@ConversaIT
class TelegramIT {
    static WireMockServer tg;

    @LocalServerPort
    int port;
    @Autowired
    SocialDeliveryQueue queue;
    @Autowired
    TelegramPoller poller;
    @Autowired
    InboxService inboxes;

    Api admin;
    long inbox;
    String bot;

    @BeforeAll
    static void start() {
        tg = new WireMockServer(wireMockConfig().dynamicPort());
        tg.start();
    }

    @AfterAll
    static void stop() {
        tg.stop();
    }

    @BeforeEach
    void setUp() {
        Api api = new Api(port, null);
        admin = api.as(api.createWorkspace("Telegram").adminToken());
        String token = "123456:" + UUID.randomUUID().toString().replace("-", "");
        bot = "/bot" + token;
        inbox = SocialTestKit.createInbox(admin, "TELEGRAM", """
                {"apiBaseUrl":"%s","botUsername":"acme_bot","retryBackoffMs":"200"}""".formatted(tg.baseUrl()), """
                {"botToken":"%s","webhookSecret":"s3cret-token_1"}""".formatted(token));
    }

    void deliver(String resourceName) {
        var r = SocialTestKit.post(port, "/hooks/telegram/" + inbox, resource(resourceName),
                Map.of("X-Telegram-Bot-Api-Secret-Token", "s3cret-token_1"));
        assertThat(r.status()).isEqualTo(200);
        queue.processAll();
    }

    static String sent(long chat, int messageId) {
        return """
                {"ok":true,"result":{"message_id":%d,"from":{"id":123456,"is_bot":true,"first_name":"Acme","username":"acme_bot"},
                 "chat":{"id":%d,"type":"private"},"date":1441645800,"text":"ok"}}""".formatted(messageId, chat);
    }

    @Test
    void aWrongSecretTokenIsRefusedAndARedeliveredUpdateIsStoredOnce() {
        String body = resource("telegram/update-private-text.json");
        assertThat(SocialTestKit.post(port, "/hooks/telegram/" + inbox, body, Map.of("X-Telegram-Bot-Api-Secret-Token", "nope")).status())
                .isEqualTo(403);
        assertThat(SocialTestKit.post(port, "/hooks/telegram/" + inbox, body, Map.of()).status()).isEqualTo(403);
        queue.processAll();
        assertThat(queue.count(inbox)).isZero();
        deliver("telegram/update-private-text.json");
        deliver("telegram/update-private-text.json");
        assertThat(queue.count(inbox)).isEqualTo(1);
        assertThat(messages(admin, conversations(admin, inbox).getFirst().get("id").asLong())).hasSize(1);
    }

    @Test
    void endToEndPrivateChatReplyAndEdits() {
        tg.stubFor(post(bot + "/sendMessage").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(sent(1111111, 1366))));
        deliver("telegram/update-private-text.json");
        JsonNode conversation = conversations(admin, inbox).getFirst();
        long c = conversation.get("id").asLong();
        assertThat(conversation.get("threadKey").asString()).isEqualTo("chat:1111111");
        JsonNode identity = admin.get("/api/v1/customers/" + conversation.get("customerId").asLong()).json().get("identities").get(0);
        assertThat(identity.get("handle").asString()).isEqualTo("@Testusername");
        assertThat(identity.get("displayName").asString()).isEqualTo("Test Lastname");
        assertThat(identity.get("profileUrl").asString()).isEqualTo("https://t.me/Testusername");

        long r = reply(admin, c, "PRIVATE", "Let me check your invoice");
        assertThat(awaitDelivery(admin, c, r, "SENT").get("externalId").asString()).isEqualTo("1111111:1366");
        tg.verify(postRequestedFor(urlEqualTo(bot + "/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo("1111111")))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Let me check your invoice")))
                .withRequestBody(matchingJsonPath("$.reply_parameters.message_id", equalTo("1365"))));

        deliver("telegram/update-edited.json");
        assertThat(SocialTestKit.notes(admin, c)).contains("from March");
    }

    @Test
    void endToEndGroupMentionAnsweredPubliclyThenPrivatelyInOneCase() {
        tg.stubFor(post(bot + "/sendMessage").withRequestBody(matchingJsonPath("$.chat_id", equalTo("-1001234567890")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(sent(-1001234567890L, 89))));
        tg.stubFor(post(bot + "/sendMessage").withRequestBody(matchingJsonPath("$.chat_id", equalTo("2222222")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(sent(2222222, 7))));
        deliver("telegram/update-group-photo.json");
        JsonNode conversation = conversations(admin, inbox).getFirst();
        long c = conversation.get("id").asLong();
        assertThat(conversation.get("threadKey").asString()).isEqualTo("chat:-1001234567890");
        JsonNode m = messages(admin, c).getFirst();
        assertThat(m.get("visibility").asString()).isEqualTo("PUBLIC");
        assertThat(m.get("attachments").get(0).get("url").asString()).isEqualTo("tg-file:AgADBAADr6cxG_large");
        assertThat(m.get("attachments").get(0).get("sizeBytes").asLong()).isEqualTo(58312);

        awaitDelivery(admin, c, reply(admin, c, "PUBLIC", "We'll DM you"), "SENT");
        tg.verify(postRequestedFor(urlEqualTo(bot + "/sendMessage")).withRequestBody(matchingJsonPath("$.chat_id", equalTo("-1001234567890")))
                .withRequestBody(matchingJsonPath("$.reply_parameters.message_id", equalTo("88"))));
        awaitDelivery(admin, c, reply(admin, c, "PRIVATE", "Hi Ana, which version do you use?"), "SENT");
        tg.verify(postRequestedFor(urlEqualTo(bot + "/sendMessage")).withRequestBody(matchingJsonPath("$.chat_id", equalTo("2222222"))));

        String answer = """
                {"update_id":10010,"message":{"message_id":8,"from":{"id":2222222,"is_bot":false,"first_name":"Ana","username":"ana_tg"},
                 "chat":{"id":2222222,"first_name":"Ana","type":"private"},"date":1441645900,"text":"Version 2.3"}}""";
        assertThat(SocialTestKit.post(port, "/hooks/telegram/" + inbox, answer, Map.of("X-Telegram-Bot-Api-Secret-Token", "s3cret-token_1"))
                .status()).isEqualTo(200);
        queue.processAll();
        assertThat(messages(admin, c)).hasSize(4);
        assertThat(conversations(admin, inbox)).hasSize(1);
    }

    @Test
    void aFloodLimitDelaysTheSendAndItGoesOutOnce() {
        tg.stubFor(post(bot + "/sendMessage").inScenario("flood").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}"))
                .willSetStateTo("calm"));
        tg.stubFor(post(bot + "/sendMessage").inScenario("flood").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(sent(1111111, 1400))));
        deliver("telegram/update-private-text.json");
        long c = conversations(admin, inbox).getFirst().get("id").asLong();
        awaitDelivery(admin, c, reply(admin, c, "PRIVATE", "One moment"), "SENT");
        tg.verify(2, postRequestedFor(urlEqualTo(bot + "/sendMessage")));
    }

    @Test
    void longPollingStoresUpdatesOnceAndAdvancesTheOffset() {
        tg.stubFor(get(urlPathEqualTo(bot + "/getUpdates")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(resource("telegram/get-updates.json"))));
        var box = inboxes.allOfChannel(ChannelType.TELEGRAM).stream().filter(i -> i.id() == inbox).findFirst().orElseThrow();
        assertThat(poller.pollOnce(box, 0)).isEqualTo(2);
        assertThat(poller.pollOnce(box, 0)).isZero(); // the same updates again: stored once
        tg.verify(getRequestedFor(urlPathEqualTo(bot + "/getUpdates")).withQueryParam("offset", equalTo("20002")));
        queue.processAll();
        long c = conversations(admin, inbox).getFirst().get("id").asLong();
        assertThat(messages(admin, c)).extracting(n -> n.get("body").asString()).containsExactly("Is anyone there?", "Hello?");
    }
}
