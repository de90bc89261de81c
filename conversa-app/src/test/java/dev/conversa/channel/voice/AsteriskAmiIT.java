package dev.conversa.channel.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Asterisk AMI end to end: a scripted AMI peer ({@link FakeAsterisk}) plays documented event frames
 * ({@code src/test/resources/channel/asterisk}) to the inbox's connection, which must record them as calls.
 */
@ConversaIT
class AsteriskAmiIT {
    static final String SECRET = "ami-s3cret";

    @LocalServerPort
    int port;
    @Autowired
    AmiConnections connections;
    FakeAsterisk asterisk;
    Api admin;
    Api.TestWorkspace ws;
    long inbox;

    @BeforeEach
    void setUp() throws Exception {
        asterisk = new FakeAsterisk("conversa", SECRET);
        Api api = new Api(port, null);
        ws = api.createWorkspace("Asterisk");
        admin = api.as(ws.adminToken());
        inbox = createInbox(SECRET);
        await().atMost(Duration.ofSeconds(10)).until(() -> connections.connected(inbox) && asterisk.loggedIn() == 1);
    }

    @AfterEach
    void tearDown() throws Exception {
        admin.patch("/api/v1/inboxes/" + inbox, """
                {"status":"DISABLED"}""");
        asterisk.close();
    }

    long createInbox(String secret) {
        return admin.post("/api/v1/inboxes", """
                {"name":"PBX","channel":"VOICE","settings":{"amiHost":"127.0.0.1","amiPort":"%d","amiUsername":"conversa",
                 "amiContext":"from-trunk","agents":"PJSIP/1001=admin@%s.test","recordingBaseUrl":"https://pbx.acme.test/rec/"},
                 "secrets":{"amiSecret":"%s"}}""".formatted(asterisk.port(), ws.slug(), secret)).json().get("id").asLong();
    }

    @Test
    void ringingAnsweredHangupIsOneCallOfTheCallerWithItsAgentDurationAndRecording() {
        asterisk.play("answered-call.ami");
        awaitCall("+34600111222", "COMPLETED");
        // the recording is a second event of the same Hangup, stored in its own transaction just after the end
        await().atMost(Duration.ofSeconds(15)).until(() -> !call("+34600111222").get("recordingUrl").asString().isEmpty());
        JsonNode call = call("+34600111222");
        assertThat(call.get("provider").asString()).isEqualTo("asterisk");
        assertThat(call.get("callRef").asString()).isEqualTo("1767225600.1");
        assertThat(call.get("toNumber").asString()).isEqualTo("900");
        assertThat(call.get("agentId").asLong()).isEqualTo(ws.adminId());
        assertThat(call.get("agentRef").asString()).isEqualTo("PJSIP/1001");
        assertThat(call.get("durationSeconds").asInt()).isEqualTo(60);
        assertThat(call.get("disposition").asString()).isEqualTo("ANSWERED");
        assertThat(call.get("voicemail").asBoolean()).isFalse();
        assertThat(call.get("recordingUrl").asString()).isEqualTo("https://pbx.acme.test/rec/1767225600.1.wav");
        assertThat(admin.get("/api/v1/calls").json()).hasSize(1); // both legs, one call

        long conversation = call.get("conversationId").asLong();
        JsonNode messages = admin.get("/api/v1/conversations/" + conversation + "/messages").json();
        assertThat(messages.get("total").asLong()).isEqualTo(1);
        assertThat(messages.get("items").get(0).get("body").asString()).isEqualTo("Phone call from +34600111222");
        assertThat(notes(conversation)).anySatisfy(n -> assertThat(n).startsWith("Call answered by Admin Asterisk, 1m 0s"));
        long customer = call.get("customerId").asLong();
        assertThat(admin.get("/api/v1/calls?customerId=" + customer).json()).hasSize(1);
    }

    @Test
    void anUnansweredCallIsMissedAndOneWithAMessageIsAVoicemail() {
        asterisk.play("missed-call.ami");
        JsonNode missed = awaitCall("+34600333444", "MISSED");
        assertThat(missed.get("disposition").asString()).isEqualTo("MISSED");
        assertThat(missed.get("voicemail").asBoolean()).isFalse();
        assertThat(missed.get("agentId").isNull()).isTrue();
        assertThat(missed.get("durationSeconds").asInt()).isZero();
        assertThat(notes(missed.get("conversationId").asLong()))
                .anySatisfy(n -> assertThat(n).isEqualTo("Missed call from +34600333444 (missed)."));

        asterisk.play("voicemail-call.ami");
        await().atMost(Duration.ofSeconds(15)).until(() -> call("+34600555666") != null && call("+34600555666").get("voicemail").asBoolean());
        JsonNode voicemail = call("+34600555666");
        assertThat(voicemail.get("status").asString()).isEqualTo("MISSED");
        assertThat(voicemail.get("disposition").asString()).isEqualTo("VOICEMAIL");
        assertThat(notes(voicemail.get("conversationId").asLong()))
                .anySatisfy(n -> assertThat(n).isEqualTo("Voicemail left in mailbox 1001@default."));
    }

    @Test
    void aWrongSecretMarksTheInboxError() {
        long wrong = createInbox("not-the-secret");
        await().atMost(Duration.ofSeconds(10)).until(() -> "ERROR".equals(
                admin.get("/api/v1/inboxes/" + wrong).json().get("status").asString()));
        assertThat(admin.get("/api/v1/inboxes/" + wrong).json().get("lastError").asString())
                .contains("Asterisk AMI login refused");
        assertThat(asterisk.refusedLogins()).contains("conversa");
        assertThat(connections.connected(wrong)).isFalse();
        // the right secret, and it connects and is ACTIVE again
        admin.patch("/api/v1/inboxes/" + wrong, """
                {"secrets":{"amiSecret":"%s"}}""".formatted(SECRET));
        await().atMost(Duration.ofSeconds(10)).until(() -> connections.connected(wrong));
        await().atMost(Duration.ofSeconds(15)).until(() -> "ACTIVE".equals(
                admin.get("/api/v1/inboxes/" + wrong).json().get("status").asString()));
        admin.patch("/api/v1/inboxes/" + wrong, """
                {"status":"DISABLED"}""");
    }

    private JsonNode awaitCall(String from, String status) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode c = call(from);
            return c != null && status.equals(c.get("status").asString());
        });
        return call(from);
    }

    private JsonNode call(String from) {
        for (JsonNode c : admin.get("/api/v1/calls").json()) {
            if (from.equals(c.get("fromNumber").asString())) {
                return c;
            }
        }
        return null;
    }

    private List<String> notes(long conversation) {
        List<String> out = new ArrayList<>();
        admin.get("/api/v1/conversations/" + conversation + "/notes").json().forEach(n -> out.add(n.get("body").asString()));
        return out;
    }
}
