package dev.conversa.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The widget's public endpoints: verified identities, redelivery, the script's weight. */
@ConversaIT
class WidgetApiIT {
    @LocalServerPort
    int port;
    Api anonymous;
    Api admin;
    long inbox;

    @BeforeEach
    void setUp() {
        anonymous = new Api(port, null);
        admin = anonymous.as(anonymous.createWorkspace("Widget API").adminToken());
        inbox = admin.post("/api/v1/inboxes", """
                {"name":"Web","channel":"WEBCHAT","secrets":{"identitySecret":"site-secret"}}""").json().get("id").asLong();
    }

    @Test
    void aSignedUserIdIsTrustedAndAForgedOneIsRefused() {
        String hash = WebchatApi.hmac("site-secret", "user-77");
        var ok = anonymous.post("/widget/api/" + inbox + "/session", """
                {"userId":"user-77","userHash":"%s","name":"Rosa"}""".formatted(hash));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("needsPrechat").asBoolean()).isFalse();
        var forged = anonymous.post("/widget/api/" + inbox + "/session", """
                {"userId":"user-78","userHash":"%s"}""".formatted(hash));
        assertThat(forged.status()).isEqualTo(403);

        // The same user on another device (a new session) continues the same customer and transcript.
        String token = ok.json().get("token").asString();
        anonymous.post("/widget/api/" + inbox + "/messages", """
                {"token":"%s","clientId":"c1","body":"Hola"}""".formatted(token));
        var other = anonymous.post("/widget/api/" + inbox + "/session", """
                {"userId":"user-77","userHash":"%s"}""".formatted(hash));
        String token2 = other.json().get("token").asString();
        anonymous.post("/widget/api/" + inbox + "/messages", """
                {"token":"%s","clientId":"c1","body":"Soy yo otra vez"}""".formatted(token2));
        assertThat(admin.get("/api/v1/customers").json().get("total").asLong()).isEqualTo(1);
        var again = anonymous.post("/widget/api/" + inbox + "/session", """
                {"token":"%s","userId":"user-77","userHash":"%s"}""".formatted(token2, hash));
        assertThat(again.json().get("messages").size()).isEqualTo(2);
    }

    @Test
    void aResentWidgetMessageIsStoredOnceAndAnUnknownTokenIsRefused() {
        String token = anonymous.post("/widget/api/" + inbox + "/session", "{\"name\":\"Leo\"}").json().get("token").asString();
        for (int i = 0; i < 3; i++) {
            assertThat(anonymous.post("/widget/api/" + inbox + "/messages", """
                    {"token":"%s","clientId":"retry-1","body":"¿Abrís el domingo?"}""".formatted(token)).status())
                    .isEqualTo(201);
        }
        long c = admin.get("/api/v1/conversations?channel=WEBCHAT").json().get("items").get(0).get("id").asLong();
        assertThat(admin.get("/api/v1/conversations/" + c + "/messages").json().get("total").asLong()).isEqualTo(1);
        assertThat(anonymous.post("/widget/api/" + inbox + "/messages", """
                {"token":"nope","clientId":"x","body":"hi"}""").status()).isEqualTo(403);
        assertThat(anonymous.get("/widget/api/" + inbox + "/messages?token=nope").status()).isEqualTo(403);
    }

    @Test
    void theWidgetScriptIsUnder30KbGzipped() throws Exception {
        try (InputStream in = WidgetApiIT.class.getResourceAsStream("/static/widget/conversa.js")) {
            byte[] script = in.readAllBytes();
            var gz = new ByteArrayOutputStream();
            try (var out = new GZIPOutputStream(gz)) {
                out.write(script);
            }
            assertThat(gz.size()).isLessThan(30 * 1024);
        }
        assertThat(anonymous.getAny("/widget/conversa.js").status()).isEqualTo(200);
    }
}
