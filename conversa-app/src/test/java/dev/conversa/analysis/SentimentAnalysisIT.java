package dev.conversa.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Role;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every inbound message gets language and sentiment; agents correct it; an admin trains the workspace's model. */
@ConversaIT
class SentimentAnalysisIT {
    @LocalServerPort
    int port;
    @Autowired
    SentimentTraining training;
    Api admin;
    long inbox;
    long workspaceId;

    @BeforeEach
    void setUp() {
        Api api = new Api(port, null);
        Api.TestWorkspace ws = api.createWorkspace("Mood");
        workspaceId = ws.id();
        admin = api.as(ws.adminToken());
        inbox = admin.post("/api/v1/inboxes", """
                {"name":"API","channel":"API"}""").json().get("id").asLong();
    }

    private Api.Response inbound(String id, String body) {
        return admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"%s","from":{"kind":"TWITTER","value":"%s"},"body":%s}""".formatted(id, id, Api.quote(body)));
    }

    @Test
    void inboundMessagesGetLanguageAndSentimentStoredOnMessageAndConversation() {
        long c = inbound("m1", "Llevo tres semanas esperando el reembolso y nadie me responde. Vergonzoso.")
                .json().get("conversationId").asLong();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var m = admin.get("/api/v1/conversations/" + c + "/messages").json().get("items").get(0);
            assertThat(m.get("language").asString()).isEqualTo("es");
            assertThat(m.get("sentiment").asString()).isEqualTo("negative");
        });
        var conversation = admin.get("/api/v1/conversations/" + c).json();
        assertThat(conversation.get("language").asString()).isEqualTo("es");
        assertThat(conversation.get("sentiment").asString()).isEqualTo("negative");

        long happy = inbound("m2", "Thank you so much, the new app is great and your team was really helpful!")
                .json().get("conversationId").asLong();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var m = admin.get("/api/v1/conversations/" + happy).json();
            assertThat(m.get("language").asString()).isEqualTo("en");
            assertThat(m.get("sentiment").asString()).isEqualTo("positive");
        });
    }

    @Test
    void agentsCorrectionsTrainAModelThatIsReportedAndStored() {
        var r = inbound("c1", "El vuelo salió a su hora, sin más");
        long c = r.json().get("conversationId").asLong();
        long m = r.json().get("messageId").asLong();
        var corrected = admin.put("/api/v1/conversations/" + c + "/messages/" + m + "/sentiment", """
                {"label":"NEUTRAL"}""");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().get("sentiment").asString()).isEqualTo("neutral");
        assertThat(admin.put("/api/v1/conversations/" + c + "/messages/" + m + "/sentiment", """
                {"label":"MEH"}""").status()).isEqualTo(400);

        var tooFew = admin.post("/api/v1/sentiment/models", "{}");
        assertThat(tooFew.status()).isEqualTo(400);
        assertThat(tooFew.json().get("errors").get(0).get("field").asString()).isEqualTo("examples");

        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            tsv.append("negative\tel pedido ").append(i).append(" sigue sin llegar, fatal servicio\n");
            tsv.append("positive\tgracias por la ayuda con el pedido ").append(i).append(", genial\n");
            tsv.append("neutral\tel pedido ").append(i).append(" sale mañana desde Madrid\n");
        }
        var report = admin.post("/api/v1/sentiment/models", "{\"labelledTsv\":" + Api.quote(tsv.toString()) + "}");
        assertThat(report.status()).isEqualTo(201);
        assertThat(report.json().get("examples").asInt()).isEqualTo(61);
        assertThat(report.json().get("heldOutMacroF1").asDouble()).isBetween(0.0, 1.0);
        // six held-out texts: whatever the figures, a switch needs them to be better beyond noise, and the run says why
        String decision = report.json().get("decision").asString();
        assertThat(report.json().get("adopted").asBoolean()).isEqualTo(decision.contains(": adopted:"));
        assertThat(decision).containsAnyOf("kept the current model", ": adopted:", "no language had enough examples");
        assertThat(admin.get("/api/v1/sentiment/models").json()).hasSize(1);

        var badFile = admin.post("/api/v1/sentiment/models", "{\"labelledTsv\":\"angry\\tgrr\"}");
        assertThat(badFile.status()).isEqualTo(400);
        assertThat(badFile.json().get("detail").asString()).contains("line 1");
    }

    @Test
    void aModelTrainedOnTheWorkspacesDomainIsAdoptedWhenBetter() throws Exception {
        Path file = Path.of(System.getProperty("conversa.shared.data", "../../shared/data"), "sentiment", "es-airline-train.tsv");
        assumeTrue(Files.isReadable(file), "shared data not present");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        // Larger than an API request may be, so straight to the service (as the training command does).
        var report = training.train(String.join("\n", lines.subList(0, Math.min(4000, lines.size()))),
                new Actor(null, workspaceId, Role.ADMIN, "test", null));
        assertThat(report.adopted()).isTrue();
        assertThat(report.decision()).startsWith("es: adopted: better on both beyond noise; macro-F1 +");
        assertThat(report.heldOutMacroF1()).isGreaterThan(report.currentMacroF1());
        var stored = admin.get("/api/v1/sentiment/models").json().get(0);
        assertThat(stored.get("adopted").asBoolean()).isTrue();
        assertThat(stored.get("decision").asString()).isEqualTo(report.decision());
    }
}
