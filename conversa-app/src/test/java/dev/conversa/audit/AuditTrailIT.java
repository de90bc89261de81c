package dev.conversa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who did what: people, tokens, teams, assignment and status changes end up in the workspace's audit log. */
@ConversaIT
class AuditTrailIT {
    @LocalServerPort
    int port;

    @Test
    void actionsAreAuditedAndRolesAreEnforced() {
        Api api = new Api(port, null);
        Api.TestWorkspace ws = api.createWorkspace("Audited");
        Api admin = api.as(ws.adminToken());

        var agent = admin.post("/api/v1/users", """
                {"email":"agent@audited.test","name":"Ana Agent","role":"AGENT","password":"long-enough-pass"}""");
        assertThat(agent.status()).isEqualTo(201);
        long agentId = agent.json().get("id").asLong();
        long team = admin.post("/api/v1/teams", """
                {"name":"Social","memberIds":[%d]}""".formatted(agentId)).json().get("id").asLong();
        String agentToken = admin.post("/api/v1/tokens", """
                {"name":"agent integration","role":"AGENT"}""").json().get("token").asString();
        Api asAgent = api.as(agentToken);

        // An agent token cannot manage people, teams or tokens, nor read the audit log.
        assertThat(asAgent.post("/api/v1/users", """
                {"email":"x@audited.test","name":"X","role":"ADMIN"}""").status()).isEqualTo(403);
        assertThat(asAgent.post("/api/v1/teams", """
                {"name":"Rogue"}""").status()).isEqualTo(403);
        assertThat(asAgent.post("/api/v1/tokens", """
                {"name":"escalate","role":"ADMIN"}""").status()).isEqualTo(403);
        assertThat(asAgent.get("/api/v1/audit").status()).isEqualTo(403);
        // ...and an admin cannot mint a token above their own role.
        assertThat(admin.post("/api/v1/tokens", """
                {"name":"root","role":"INSTALLATION_ADMIN"}""").status()).isEqualTo(400);

        long inbox = admin.post("/api/v1/inboxes", """
                {"name":"API","channel":"API","settings":{"site":"shop"},"secrets":{"webhookSecret":"s3cret"}}""")
                .json().get("id").asLong();
        var inboxJson = admin.get("/api/v1/inboxes/" + inbox);
        assertThat(inboxJson.body()).doesNotContain("s3cret");
        assertThat(inboxJson.json().get("secretNames").get(0).asString()).isEqualTo("webhookSecret");

        long conversation = admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"e1","from":{"kind":"EMAIL","value":"c@example.com"},"body":"help"}""")
                .json().get("conversationId").asLong();
        assertThat(admin.post("/api/v1/conversations/" + conversation + "/assignment", """
                {"assigneeId":%d,"teamId":%d,"reason":"speaks Spanish"}""".formatted(agentId, team)).status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/conversations/" + conversation, """
                {"status":"RESOLVED","priority":"HIGH"}""").json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(admin.put("/api/v1/users/" + agentId + "/status", """
                {"status":"AVAILABLE"}""").json().get("status").asString()).isEqualTo("AVAILABLE");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var entries = admin.get("/api/v1/audit?size=100").json().get("items");
            var actions = new java.util.ArrayList<String>();
            entries.forEach(e -> actions.add(e.get("action").asString() + " " + e.get("details").asString()));
            assertThat(actions).anyMatch(a -> a.startsWith("user.created agent@audited.test as AGENT"));
            assertThat(actions).anyMatch(a -> a.startsWith("team.created"));
            assertThat(actions).anyMatch(a -> a.startsWith("token.issued agent integration"));
            assertThat(actions).anyMatch(a -> a.startsWith("inbox.created"));
            assertThat(actions).anyMatch(a -> a.contains("conversation.assigned user " + agentId + ", team " + team + " (speaks Spanish)"));
            assertThat(actions).anyMatch(a -> a.equals("conversation.status OPEN -> RESOLVED"));
            assertThat(actions).anyMatch(a -> a.equals("conversation.priority NORMAL -> HIGH"));
            assertThat(actions).anyMatch(a -> a.equals("agent.status AVAILABLE"));
        });
        var assigned = admin.get("/api/v1/audit?action=conversation.assigned").json().get("items").get(0);
        // (done with the workspace's admin token, which acts as itself: issue 15)
        assertThat(assigned.get("actorName").asString()).isEqualTo("token:admin token");

        // A revoked token stops working at once.
        long tokenId = admin.get("/api/v1/tokens").json().get(1).get("id").asLong();
        assertThat(admin.send("DELETE", "/api/v1/tokens/" + tokenId, null, "application/json").status()).isEqualTo(204);
        assertThat(asAgent.get("/api/v1/conversations").status()).isEqualTo(401);
    }
}
