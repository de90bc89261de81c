package dev.conversa.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A survey goes out on email and web chat after resolution; the answers show on the conversation and in the figures. */
@ConversaIT
class CsatIT {
    static final Pattern LINK = Pattern.compile("/widget/csat/([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Test
    void surveysOnEmailAndWebChatReachTheReport() {
        Api api = new Api(port, null);
        Api admin = api.as(api.createWorkspace("Csat").adminToken());
        long ana = admin.post("/api/v1/users", """
                {"email":"ana-%s@example.test","name":"Ana","role":"AGENT","password":"correct-horse-battery"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6))).json().get("id").asLong();
        assertThat(admin.put("/api/v1/csat/settings", """
                {"enabled":true,"askNps":true,"askCes":false}""").status()).isEqualTo(200);
        long email = admin.post("/api/v1/inboxes", """
                {"name":"Correo","channel":"EMAIL","settings":{}}""").json().get("id").asLong();
        long chat = admin.post("/api/v1/inboxes", """
                {"name":"Chat","channel":"WEBCHAT","settings":{}}""").json().get("id").asLong();
        long lucia = admin.post("/api/v1/customers", """
                {"name":"Lucía","email":"lucia@example.test","locale":"es-ES"}""").json().get("id").asLong();
        long john = admin.post("/api/v1/customers", """
                {"name":"John","email":"john@example.test","locale":"en"}""").json().get("id").asLong();

        String tokenEmail = resolveAndFindSurvey(admin, email, lucia, ana, "¿Qué tal te hemos atendido?");
        String tokenChat = resolveAndFindSurvey(admin, chat, john, ana, "How did we do?");

        Api visitor = new Api(port, null);
        var page = visitor.getAny("/widget/csat/" + tokenEmail);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("¿Qué tal te hemos atendido?").contains("name=\"nps\"").doesNotContain("name=\"ces\"");
        var answer = visitor.send("POST", "/widget/csat/" + tokenEmail, "score=5&comment=Genial%2C+gracias&nps=10",
                "application/x-www-form-urlencoded");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("¡Gracias por tu respuesta!");
        var again = visitor.send("POST", "/widget/csat/" + tokenEmail, "score=1", "application/x-www-form-urlencoded");
        assertThat(again.body()).contains("Esta encuesta ya está respondida");
        assertThat(visitor.send("POST", "/widget/csat/" + tokenChat, "score=3&nps=6", "application/x-www-form-urlencoded")
                .body()).contains("Thank you for your answer!");
        assertThat(visitor.getAny("/widget/csat/not-a-token").status()).isEqualTo(404);

        JsonNode report = admin.get("/api/v1/csat/report").json();
        assertThat(report.get("overall").get("answered").asLong()).isEqualTo(2);
        assertThat(report.get("overall").get("averageScore").asDouble()).isEqualTo(4.0);
        assertThat(report.get("overall").get("nps").asDouble()).isEqualTo(0.0);
        JsonNode byAgent = report.get("byAgent").get(0);
        assertThat(byAgent.get("key").asString()).isEqualTo(ana + ":Ana");
        assertThat(byAgent.get("answered").asLong()).isEqualTo(2);
        assertThat(byAgent.get("averageScore").asDouble()).isEqualTo(4.0);
        assertThat(byAgent.get("satisfiedPercent").asDouble()).isEqualTo(50.0);
        assertThat(report.get("byChannel").toString()).contains("\"EMAIL\"").contains("\"WEBCHAT\"");
    }

    private String resolveAndFindSurvey(Api admin, long inbox, long customer, long agent, String expectedText) {
        long c = admin.post("/api/v1/conversations", """
                {"inboxId":%d,"customerId":%d,"subject":"Consulta"}""".formatted(inbox, customer)).json().get("id").asLong();
        admin.post("/api/v1/conversations/" + c + "/assignment", """
                {"assigneeId":%d}""".formatted(agent));
        assertThat(admin.patch("/api/v1/conversations/" + c, """
                {"status":"RESOLVED"}""").status()).isEqualTo(200);
        AtomicReference<String> token = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode surveys = admin.get("/api/v1/csat/conversations/" + c).json();
            assertThat(surveys.size()).isEqualTo(1);
            long messageId = surveys.get(0).get("messageId").asLong();
            JsonNode found = null;
            for (JsonNode m : admin.get("/api/v1/conversations/" + c + "/messages").json().get("items")) {
                if (m.get("id").asLong() == messageId) {
                    found = m;
                }
            }
            assertThat(found).isNotNull();
            assertThat(found.get("direction").asString()).isEqualTo("OUT");
            assertThat(found.get("inboxId").asLong()).isEqualTo(inbox);
            assertThat(found.get("body").asString()).contains(expectedText.equals("How did we do?") ? "How did we do?"
                    : "¿Qué tal te hemos atendido?");
            Matcher m = LINK.matcher(found.get("body").asString());
            assertThat(m.find()).isTrue();
            token.set(m.group(1));
        });
        return token.get();
    }
}
