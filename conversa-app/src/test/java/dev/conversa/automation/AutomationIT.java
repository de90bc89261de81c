package dev.conversa.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ConversaIT
class AutomationIT {
    @LocalServerPort
    int port;
    Api admin;
    long inbox;

    @BeforeEach
    void setUp() {
        Api api = new Api(port, null);
        admin = api.as(api.createWorkspace("Automation").adminToken());
        inbox = admin.post("/api/v1/inboxes", """
                {"name":"API","channel":"API"}""").json().get("id").asLong();
    }

    long ingest(String id, String body) {
        return admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"%s","threadKey":"%s","from":{"kind":"TWITTER","value":"77","name":"Pilar","handle":"@pilar"},
                 "body":%s,"visibility":"PUBLIC"}""".formatted(id, id, Api.quote(body))).json().get("conversationId").asLong();
    }

    List<String> outbound(long conversation) {
        var out = new ArrayList<String>();
        admin.get("/api/v1/conversations/" + conversation + "/messages").json().get("items").forEach(m -> {
            if (m.get("direction").asString().equals("OUT")) {
                out.add(m.get("body").asString());
            }
        });
        return out;
    }

    @Test
    void aRuleThatWouldTriggerItselfRunsOnce() throws Exception {
        admin.post("/api/v1/sla-policies", """
                {"name":"Todo","firstResponseMinutes":60}""");
        // on every tag change: add a tag (a tag change!) and acknowledge
        var rule = admin.post("/api/v1/automation-rules", """
                {"name":"Acuse","trigger":"TAGS_CHANGED","conditions":[{"field":"channel","op":"EQUALS","value":"API"}],
                 "actions":[{"type":"ADD_TAG","value":"triaged"},{"type":"AUTO_REPLY","value":"Recibido: te respondemos en {expected_response}."}]}""");
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        long c = ingest("loop-1", "Hola");
        admin.put("/api/v1/conversations/" + c + "/tags", """
                {"tags":["billing"]}""");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(admin.get("/api/v1/conversations/" + c).json().get("tags").toString()).contains("triaged");
            assertThat(outbound(c)).containsExactly("Recibido: te respondemos en 1 h.");
        });
        Thread.sleep(2000);
        assertThat(outbound(c)).hasSize(1);
        assertThat(admin.get("/api/v1/automation-rules/runs?conversationId=" + c).json().size()).isEqualTo(1);
    }

    @Test
    void aRuleTestedAgainstAPastConversationReportsWhatItWouldDo() {
        long c = ingest("past-1", "No me ha llegado la factura de marzo");
        long team = admin.post("/api/v1/teams", """
                {"name":"Facturación"}""").json().get("id").asLong();
        var result = admin.post("/api/v1/automation-rules/test?conversationId=" + c, """
                {"name":"Facturas","trigger":"MESSAGE_RECEIVED","conditions":[{"field":"body","op":"CONTAINS","value":"factura"}],
                 "actions":[{"type":"SET_PRIORITY","value":"HIGH"},{"type":"ADD_TAG","value":"billing"},{"type":"ASSIGN_TEAM","value":"%d"}]}"""
                .formatted(team));
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        var json = result.json();
        assertThat(json.get("matches").asBoolean()).isTrue();
        var steps = new ArrayList<String>();
        json.get("wouldDo").forEach(s -> steps.add(s.get("description").asString()));
        assertThat(steps).containsExactly("set priority HIGH", "add tag 'billing'", "assign to team " + team);
        // nothing was changed
        var conversation = admin.get("/api/v1/conversations/" + c).json();
        assertThat(conversation.get("priority").asString()).isEqualTo("NORMAL");
        assertThat(conversation.get("tags").size()).isZero();

        var saved = admin.post("/api/v1/automation-rules", """
                {"name":"Spam","trigger":"MESSAGE_RECEIVED","conditions":[{"field":"body","op":"CONTAINS","value":"bitcoin"}],
                 "actions":[{"type":"CLOSE_SPAM"}]}""").json().get("id").asLong();
        var miss = admin.post("/api/v1/automation-rules/" + saved + "/test?conversationId=" + c, null).json();
        assertThat(miss.get("matches").asBoolean()).isFalse();
        assertThat(miss.get("wouldDo").size()).isZero();
        assertThat(admin.post("/api/v1/automation-rules", """
                {"name":"Bad","trigger":"MESSAGE_RECEIVED","actions":[{"type":"EXPLODE"}]}""").status()).isEqualTo(400);
    }
}
