package dev.conversa.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Routing through the running app: skills from rules, capacity, an agent freeing up, a manual transfer. */
@ConversaIT
class RoutingIT {
    @LocalServerPort
    int port;

    @Test
    void assignsByRuleAndCapacityAndExplainsEveryDecision() {
        Api api = new Api(port, null);
        Api admin = api.as(api.createWorkspace("Routing").adminToken());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        long ana = user(admin, "ana-" + suffix, "Ana");
        long ben = user(admin, "ben-" + suffix, "Ben");
        assertThat(admin.put("/api/v1/routing/agents/" + ana, """
                {"skills":{"channel:email":3,"language:es":5},"capacity":{"EMAIL":1}}""").status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/routing/agents/" + ben, """
                {"skills":{"language:en":5},"capacity":{"EMAIL":8}}""").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/routing/skill-rules", """
                {"channel":"EMAIL","skill":"channel:email","minLevel":2,"required":true}""").status()).isEqualTo(201);
        admin.put("/api/v1/users/" + ana + "/status", """
                {"status":"AVAILABLE"}""");
        admin.put("/api/v1/users/" + ben + "/status", """
                {"status":"AVAILABLE"}""");
        assertThat(admin.put("/api/v1/routing/settings", """
                {"model":"UNIVERSAL","strategy":"LEAST_LOADED","vipFollowers":10000}""").status()).isEqualTo(200);

        long inbox = admin.post("/api/v1/inboxes", """
                {"name":"Soporte","channel":"EMAIL","settings":{}}""").json().get("id").asLong();
        long customer = admin.post("/api/v1/customers", """
                {"name":"Lucía","email":"lucia@example.test"}""").json().get("id").asLong();
        long first = open(admin, inbox, customer);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(admin.get("/api/v1/conversations/" + first).json().get("assigneeId").asLong()).isEqualTo(ana));
        JsonNode why = admin.get("/api/v1/routing/conversations/" + first).json();
        assertThat(why.get("explanation").asString())
                .isEqualTo("assigned to Ana: skill channel:email 3>=2, least loaded 0/1 EMAIL");

        // Ana is full (1 email) and Ben lacks the skill: the second one waits, and says why
        long customer2 = admin.post("/api/v1/customers", """
                {"name":"Marta","email":"marta@example.test"}""").json().get("id").asLong();
        long second = open(admin, inbox, customer2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get("/api/v1/routing/conversations/" + second)
                .json().get("explanation").asString()).startsWith("waiting: 1 agent(s) qualify (channel:email>=2)"));
        assertThat(admin.get("/api/v1/conversations/" + second).json().get("assigneeId").isNull()).isTrue();

        // Ana resolves the first: she frees up and takes the waiting one
        admin.patch("/api/v1/conversations/" + first, """
                {"status":"RESOLVED"}""");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(admin.get("/api/v1/conversations/" + second).json().get("assigneeId").asLong()).isEqualTo(ana));
        var decisions = admin.get("/api/v1/routing/conversations/" + second).json().get("decisions");
        assertThat(decisions.get(0).get("trigger").asString()).isEqualTo("AGENT_FREED");
        assertThat(decisions.get(0).get("explanation").asString()).contains("agent freed up");

        // a supervisor moves it by hand: always possible, and explained too
        admin.post("/api/v1/conversations/" + second + "/assignment", """
                {"assigneeId":%d,"reason":"habla con su gestor"}""".formatted(ben));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get("/api/v1/routing/conversations/" + second)
                .json().get("decisions")).anySatisfy(d -> assertThat(d.get("explanation").asString())
                .isEqualTo("assigned to Ben: manual by token:admin token (habla con su gestor)")));
    }

    static long user(Api admin, String email, String name) {
        return admin.post("/api/v1/users", """
                {"email":"%s@example.test","name":"%s","role":"AGENT","password":"correct-horse-battery"}"""
                .formatted(email, name)).json().get("id").asLong();
    }

    static long open(Api admin, long inbox, long customer) {
        var r = admin.post("/api/v1/conversations", """
                {"inboxId":%d,"customerId":%d,"subject":"Pedido"}""".formatted(inbox, customer));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
