package dev.conversa.channel.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.conversa.channel.TwilioForms;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Contract tests of the SMS channel against Twilio's documented payloads (see
 * {@code src/test/resources/channel/twilio/README.md} for the doc pages): inbound webhooks signed with
 * X-Twilio-Signature, outbound through the Messages API (stubbed by WireMock), status callbacks, STOP/BAJA.
 */
@ConversaIT
class SmsIT {
    static final String ACCOUNT = "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";
    static final String TOKEN = "twilio-auth-token-sms";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    static WireMockServer twilio;

    @LocalServerPort
    int port;
    Api admin;
    long inbox;

    @BeforeAll
    static void startTwilio() {
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
    }

    @AfterAll
    static void stopTwilio() {
        twilio.stop();
    }

    @BeforeEach
    void setUp() {
        twilio.resetAll();
        Api api = new Api(port, null);
        admin = api.as(api.createWorkspace("SMS").adminToken());
        inbox = admin.post("/api/v1/inboxes", """
                {"name":"SMS","channel":"SMS","settings":{"accountSid":"%s","fromNumber":"+15557122661",
                 "apiBaseUrl":"%s","retryBackoffMs":"50"},"secrets":{"authToken":"%s"}}"""
                .formatted(ACCOUNT, twilio.baseUrl(), TOKEN)).json().get("id").asLong();
    }

    String hook(String suffix) {
        return "http://localhost:" + port + "/hooks/twilio/sms/" + inbox + suffix;
    }

    @Test
    void theSameInboundSmsDeliveredThreeTimesIsStoredOnce() {
        Map<String, String> sms = TwilioForms.load("incoming-sms.form");
        for (int i = 0; i < 3; i++) {
            var r = TwilioForms.post(hook(""), sms, TOKEN);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("<Response>");
        }
        JsonNode conversations = admin.get("/api/v1/conversations?channel=SMS").json();
        assertThat(conversations.get("total").asLong()).isEqualTo(1);
        long c = conversations.get("items").get(0).get("id").asLong();
        JsonNode messages = admin.get("/api/v1/conversations/" + c + "/messages").json();
        assertThat(messages.get("total").asLong()).isEqualTo(1);
        assertThat(messages.get("items").get(0).get("body").asString()).isEqualTo("Hello! Is my order on its way?");
        assertThat(admin.get("/api/v1/customers").json().get("items").get(0).get("phone").asString()).isEqualTo("+14017122661");
    }

    @Test
    void aBadSignatureGets403AndStoresNothing() {
        Map<String, String> sms = TwilioForms.load("incoming-sms.form");
        assertThat(TwilioForms.post(hook(""), sms, "not-the-token").statusCode()).isEqualTo(403);
        assertThat(TwilioForms.postWithSignature(hook(""), sms, "").statusCode()).isEqualTo(403);
        // Signed for another URL (a replay against another inbox) is refused as well.
        assertThat(TwilioForms.postWithSignature(hook(""), sms,
                TwilioSignature.sign(TOKEN, hook("/other"), sms)).statusCode()).isEqualTo(403);
        assertThat(admin.get("/api/v1/conversations?channel=SMS").json().get("total").asLong()).isZero();
        assertThat(admin.get("/api/v1/customers").json().get("total").asLong()).isZero();
        var status = TwilioForms.load("sms-status-delivered.form");
        assertThat(TwilioForms.post(hook("/status"), status, "not-the-token").statusCode()).isEqualTo(403);
    }

    @Test
    void aReplyWhileTwilioAnswers503IsRetriedAndDeliveredOnceWhenItRecovers() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody(TwilioForms.resource("service-unavailable.json")))
                .willSetStateTo("still down"));
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).inScenario("outage").whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody(TwilioForms.resource("service-unavailable.json")))
                .willSetStateTo("recovered"));
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).inScenario("outage").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(TwilioForms.resource("message-created.json"))));

        TwilioForms.post(hook(""), TwilioForms.load("incoming-sms.form"), TOKEN);
        long c = admin.get("/api/v1/conversations?channel=SMS").json().get("items").get(0).get("id").asLong();
        long reply = admin.post("/api/v1/conversations/" + c + "/messages", """
                {"body":"Your order ships today."}""").json().get("id").asLong();

        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(message(c, reply).get("deliveryStatus").asString()));
        assertThat(message(c, reply).get("externalId").asString()).isEqualTo("SMXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX");
        twilio.verify(3, postRequestedFor(urlPathEqualTo(MESSAGES))
                .withHeader("Authorization", containing("Basic "))
                .withRequestBody(containing("To=%2B14017122661"))
                .withRequestBody(containing("From=%2B15557122661"))
                .withRequestBody(containing("Body=Your+order+ships+today.")));
        // Nothing is sent again once delivered.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> twilio.countRequestsMatching(postRequestedFor(urlPathEqualTo(MESSAGES)).build()).getCount() == 3);

        // Twilio's status callback moves it to DELIVERED.
        assertThat(TwilioForms.post(hook("/status"), TwilioForms.load("sms-status-delivered.form"), TOKEN).statusCode())
                .isEqualTo(204);
        assertThat(message(c, reply).get("deliveryStatus").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void aPermanentErrorFailsTheMessageVisiblyAndAnAgentCanRetryIt() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).inScenario("bad").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"code": 21211, "message": "The 'To' number +14017122661 is not a valid phone number.",
                         "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}"""))
                .willSetStateTo("fixed"));
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).inScenario("bad").whenScenarioStateIs("fixed")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(TwilioForms.resource("message-created.json"))));
        TwilioForms.post(hook(""), TwilioForms.load("incoming-sms.form"), TOKEN);
        long c = admin.get("/api/v1/conversations?channel=SMS").json().get("items").get(0).get("id").asLong();
        long reply = admin.post("/api/v1/conversations/" + c + "/messages", """
                {"body":"Hola"}""").json().get("id").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(message(c, reply).get("deliveryStatus").asString()));
        assertThat(message(c, reply).get("deliveryError").asString()).contains("21211");
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));

        var retried = admin.post("/api/v1/conversations/" + c + "/messages/" + reply + "/retry", null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("deliveryStatus").asString()).isEqualTo("QUEUED");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(message(c, reply).get("deliveryStatus").asString()));
        assertThat(admin.post("/api/v1/conversations/" + c + "/messages/" + reply + "/retry", null).status()).isEqualTo(409);
    }

    @Test
    void stopAndBajaOptOutAndStartOptsBackIn() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(TwilioForms.resource("message-created.json"))));
        Map<String, String> sms = TwilioForms.load("incoming-sms.form");
        sms.put("MessageSid", "SM00000000000000000000000000000001");
        sms.put("Body", " baja ");
        TwilioForms.post(hook(""), sms, TOKEN);
        long c = admin.get("/api/v1/conversations?channel=SMS").json().get("items").get(0).get("id").asLong();
        long reply = admin.post("/api/v1/conversations/" + c + "/messages", """
                {"body":"¿Seguro?"}""").json().get("id").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(message(c, reply).get("deliveryStatus").asString()));
        assertThat(message(c, reply).get("deliveryError").asString()).contains("opted out");
        twilio.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES)));

        sms.put("MessageSid", "SM00000000000000000000000000000002");
        sms.put("Body", "START");
        TwilioForms.post(hook(""), sms, TOKEN);
        long second = admin.post("/api/v1/conversations/" + c + "/messages", """
                {"body":"Welcome back"}""").json().get("id").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(message(c, second).get("deliveryStatus").asString()));
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(containing(
                "To=%2B14017122661&From=%2B15557122661&Body=Welcome+back&StatusCallback=http%3A%2F%2Flocalhost")));
    }

    @Test
    void longMessagesAreSplit() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(TwilioForms.resource("message-created.json")
                        .replace("SMXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "SM{{randomValue length=32 type='HEXADECIMAL'}}"))
                .withTransformers("response-template")));
        TwilioForms.post(hook(""), TwilioForms.load("incoming-sms.form"), TOKEN);
        long c = admin.get("/api/v1/conversations?channel=SMS").json().get("items").get(0).get("id").asLong();
        long reply = admin.post("/api/v1/conversations/" + c + "/messages", "{\"body\":" + Api.quote("palabra ".repeat(300)) + "}")
                .json().get("id").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(message(c, reply).get("deliveryStatus").asString()));
        twilio.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    private JsonNode message(long conversation, long id) {
        for (JsonNode m : admin.get("/api/v1/conversations/" + conversation + "/messages?size=200").json().get("items")) {
            if (m.get("id").asLong() == id) {
                return m;
            }
        }
        throw new AssertionError("no message " + id);
    }
}
