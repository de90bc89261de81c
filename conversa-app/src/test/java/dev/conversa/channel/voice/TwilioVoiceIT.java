package dev.conversa.channel.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.TwilioForms;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Contract tests of Twilio Voice status and recording callbacks, with the documented parameters (see
 * {@code src/test/resources/channel/twilio/README.md}).
 */
@ConversaIT
class TwilioVoiceIT {
    static final String TOKEN = "twilio-auth-token-voice";

    @LocalServerPort
    int port;
    Api admin;
    Api.TestWorkspace ws;
    long inbox;

    @BeforeEach
    void setUp() {
        Api api = new Api(port, null);
        ws = api.createWorkspace("Voice");
        admin = api.as(ws.adminToken());
        inbox = admin.post("/api/v1/inboxes", """
                {"name":"Phone","channel":"VOICE","settings":{"agents":"client:ana=admin@%s.test"},
                 "secrets":{"authToken":"%s"}}""".formatted(ws.slug(), TOKEN)).json().get("id").asLong();
    }

    String hook(String kind) {
        return "http://localhost:" + port + "/hooks/twilio/voice/" + inbox + "/" + kind;
    }

    @Test
    void anAnsweredCallIsAnInteractionWithItsAgentDurationAndWrapUp() {
        for (String form : List.of("voice-ringing.form", "voice-ringing.form", "voice-answered.form", "voice-completed.form",
                "voice-completed.form")) {
            assertThat(TwilioForms.post(hook("status"), TwilioForms.load(form), TOKEN).statusCode()).isEqualTo(204);
        }
        JsonNode calls = admin.get("/api/v1/calls").json();
        assertThat(calls).hasSize(1);
        JsonNode call = calls.get(0);
        assertThat(call.get("callRef").asString()).isEqualTo("CA9f7e0c2a5b1d4e3f8a6b7c8d9e0f1a2b");
        assertThat(call.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(call.get("disposition").asString()).isEqualTo("ANSWERED");
        assertThat(call.get("agentId").asLong()).isEqualTo(ws.adminId());
        assertThat(call.get("durationSeconds").asInt()).isEqualTo(249);
        assertThat(call.get("fromNumber").asString()).isEqualTo("+14017122661");

        long conversation = call.get("conversationId").asLong();
        JsonNode messages = admin.get("/api/v1/conversations/" + conversation + "/messages").json();
        assertThat(messages.get("total").asLong()).isEqualTo(1);
        assertThat(messages.get("items").get(0).get("body").asString()).isEqualTo("Phone call from +14017122661");
        assertThat(notes(conversation)).anySatisfy(n -> assertThat(n).startsWith("Call answered by Admin Voice, 4m 9s"));
        // talk time counts once in the case's handle time, though the completed callback came twice
        assertThat(admin.get("/api/v1/conversations/" + conversation).json().get("handleSeconds").asInt()).isEqualTo(249);
        // The call is in the customer's history.
        long customer = call.get("customerId").asLong();
        assertThat(admin.get("/api/v1/calls?customerId=" + customer).json()).hasSize(1);
        assertThat(admin.get("/api/v1/conversations?customerId=" + customer).json().get("total").asLong()).isEqualTo(1);

        JsonNode wrapped = admin.post("/api/v1/calls/" + call.get("id").asLong() + "/wrap-up", """
                {"notes":"Refund promised for order 4411","disposition":"RESOLVED"}""").json();
        assertThat(wrapped.get("wrapUp").asString()).isEqualTo("Refund promised for order 4411");
        assertThat(wrapped.get("disposition").asString()).isEqualTo("RESOLVED");
        assertThat(notes(conversation)).contains("Call wrap-up: Refund promised for order 4411");
    }

    @Test
    void aMissedCallWithARecordingIsAVoicemail() {
        Map<String, String> ringing = TwilioForms.load("voice-ringing.form");
        ringing.put("CallSid", "CA0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        ringing.put("From", "+14017129999");
        TwilioForms.post(hook("status"), ringing, TOKEN);
        assertThat(TwilioForms.post(hook("status"), TwilioForms.load("voice-missed.form"), TOKEN).statusCode()).isEqualTo(204);
        assertThat(TwilioForms.post(hook("recording"), TwilioForms.load("voice-recording.form"), TOKEN).statusCode())
                .isEqualTo(204);
        JsonNode call = admin.get("/api/v1/calls").json().get(0);
        assertThat(call.get("status").asString()).isEqualTo("MISSED");
        assertThat(call.get("voicemail").asBoolean()).isTrue();
        assertThat(call.get("disposition").asString()).isEqualTo("VOICEMAIL");
        assertThat(call.get("recordingUrl").asString()).endsWith("/Recordings/RE557ce644e5ab84fa21cc21112e22c485");
        assertThat(notes(call.get("conversationId").asLong())).anySatisfy(n -> assertThat(n).startsWith("Voicemail (12s)"));
        assertThat(admin.get("/api/v1/conversations/" + call.get("conversationId").asLong()).json().get("handleSeconds").asInt())
                .as("a missed call adds no handle time").isZero();
    }

    @Test
    void aBadSignatureGets403AndStoresNothing() {
        assertThat(TwilioForms.post(hook("status"), TwilioForms.load("voice-ringing.form"), "wrong").statusCode())
                .isEqualTo(403);
        assertThat(TwilioForms.postWithSignature(hook("recording"), TwilioForms.load("voice-recording.form"), "AAAA")
                .statusCode()).isEqualTo(403);
        assertThat(admin.get("/api/v1/calls").json()).isEmpty();
        assertThat(admin.get("/api/v1/conversations").json().get("total").asLong()).isZero();
    }

    private List<String> notes(long conversation) {
        List<String> out = new ArrayList<>();
        admin.get("/api/v1/conversations/" + conversation + "/notes").json().forEach(n -> out.add(n.get("body").asString()));
        return out;
    }
}
