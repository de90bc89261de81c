package dev.conversa.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Timers start with the conversation, show their time left in the API, and stop on the first reply. */
@ConversaIT
class SlaIT {
    @LocalServerPort
    int port;

    @Test
    void firstResponseTimerRunsAndIsMetByAReply() {
        Api api = new Api(port, null);
        Api admin = api.as(api.createWorkspace("Sla").adminToken());
        assertThat(admin.post("/api/v1/sla-calendars", """
                {"name":"Oficina","timeZone":"Europe/Madrid","hours":"MONDAY=09:00-18:00","holidays":["2025-05-01"]}""")
                .status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/sla-calendars", """
                {"name":"Mal","timeZone":"Europe/Madrid","hours":"MONDAY=nine to five"}""").status()).isEqualTo(400);
        var policy = admin.post("/api/v1/sla-policies", """
                {"name":"Email","channel":"EMAIL","firstResponseMinutes":30,"resolutionMinutes":1440,"warnBeforeMinutes":5,
                 "escalation":"RAISE_PRIORITY"}""");
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        long inbox = admin.post("/api/v1/inboxes", """
                {"name":"Soporte","channel":"EMAIL","settings":{}}""").json().get("id").asLong();
        long customer = admin.post("/api/v1/customers", """
                {"name":"Lucía","email":"lucia@example.test"}""").json().get("id").asLong();
        var conversation = admin.post("/api/v1/conversations", """
                {"inboxId":%d,"customerId":%d,"subject":"Factura"}""".formatted(inbox, customer)).json();
        long id = conversation.get("id").asLong();
        Instant created = Instant.parse(conversation.get("createdAt").asString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get("/api/v1/conversations/" + id + "/sla")
                .json()).anySatisfy(t -> {
                    assertThat(t.get("kind").asString()).isEqualTo("FIRST_RESPONSE");
                    assertThat(t.get("status").asString()).isEqualTo("RUNNING");
                    assertThat(Instant.parse(t.get("dueAt").asString())).isEqualTo(created.plus(Duration.ofMinutes(30)));
                    assertThat(Duration.parse(t.get("timeLeft").asString())).isBetween(Duration.ofMinutes(25), Duration.ofMinutes(30));
                }));
        admin.post("/api/v1/conversations/" + id + "/messages", """
                {"body":"Lo miramos ahora mismo.","visibility":"PUBLIC"}""");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get("/api/v1/conversations/" + id + "/sla")
                .json()).anySatisfy(t -> {
                    assertThat(t.get("kind").asString()).isEqualTo("FIRST_RESPONSE");
                    assertThat(t.get("status").asString()).isEqualTo("MET");
                }));
    }
}
