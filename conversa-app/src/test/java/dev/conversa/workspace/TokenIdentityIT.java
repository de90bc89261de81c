package dev.conversa.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15: an API token is its own principal. A token issued with a role acts with that role and as itself, a
 * service identity named after the token, never as the person who issued it.
 */
@ConversaIT
class TokenIdentityIT {
    @LocalServerPort
    int port;
    Api api;
    Api.TestWorkspace ws;
    Api admin;
    Api agentToken;
    long agentTokenId;
    long conversation;

    @BeforeEach
    void setUp() {
        api = new Api(port, null);
        ws = api.createWorkspace("Tokens");
        admin = api.as(ws.adminToken());
        JsonNode issued = admin.post("/api/v1/tokens", """
                {"name":"shop bot","role":"AGENT"}""").json();
        agentTokenId = issued.get("id").asLong();
        agentToken = api.as(issued.get("token").asString());
        long inbox = admin.post("/api/v1/inboxes", """
                {"name":"Shop API","channel":"API"}""").json().get("id").asLong();
        conversation = admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"t-1","from":{"kind":"EMAIL","value":"ana@example.com","name":"Ana"},"body":"¿Mi pedido?"}""")
                .json().get("conversationId").asLong();
    }

    private JsonNode me(Api who) {
        var r = who.get("/api/v1/users/me");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void usersMeAnswersTheTokensOwnServiceIdentity() {
        JsonNode me = me(agentToken);
        assertThat(me.get("id").asLong()).isNotEqualTo(ws.adminId());
        assertThat(me.get("name").asString()).isEqualTo("token:shop bot");
        assertThat(me.get("kind").asString()).isEqualTo("SERVICE");
        assertThat(me.get("role").asString()).isEqualTo("AGENT");
        assertThat(me.get("workspaceId").asLong()).isEqualTo(ws.id());
        // The workspace's first admin token is its own principal too, not the person created with it.
        JsonNode adminMe = me(admin);
        assertThat(adminMe.get("id").asLong()).isNotEqualTo(ws.adminId()).isNotEqualTo(me.get("id").asLong());
        assertThat(adminMe.get("name").asString()).isEqualTo("token:admin token");
        assertThat(adminMe.get("role").asString()).isEqualTo("ADMIN");
        // Service identities are not people: not listed, not assignable, not team members.
        JsonNode people = admin.get("/api/v1/users").json().get("items");
        assertThat(people).extracting(n -> n.get("id").asLong()).containsExactly(ws.adminId());
        var assign = admin.post("/api/v1/conversations/" + conversation + "/assignment",
                "{\"assigneeId\":" + me.get("id").asLong() + "}");
        assertThat(assign.status()).isEqualTo(400);
        assertThat(assign.body()).contains("assigneeId");
        var team = admin.post("/api/v1/teams", "{\"name\":\"Bots\",\"memberIds\":[" + me.get("id").asLong() + "]}");
        assertThat(team.status()).isEqualTo(400);
        assertThat(team.body()).contains("memberIds");
    }

    @Test
    void aReplyANoteAndAStatusChangeAreAuthoredByTheTokenAndAuditedAsIt() {
        long tokenUser = me(agentToken).get("id").asLong();
        var reply = agentToken.post("/api/v1/conversations/" + conversation + "/messages", """
                {"body":"Your order ships today.","visibility":"PRIVATE"}""");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("authorId").asLong()).isEqualTo(tokenUser);
        var note = agentToken.post("/api/v1/conversations/" + conversation + "/notes", """
                {"body":"Checked with the warehouse."}""");
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().get("authorId").asLong()).isEqualTo(tokenUser);
        assertThat(agentToken.patch("/api/v1/conversations/" + conversation, """
                {"status":"RESOLVED"}""").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode status = admin.get("/api/v1/audit?action=conversation.status").json().get("items");
            assertThat(status).hasSize(1);
            assertThat(status.get(0).get("actorId").asLong()).isEqualTo(tokenUser);
            assertThat(status.get(0).get("actorName").asString()).isEqualTo("token:shop bot");
        });
        // The token's issuer appears only as the one who issued it.
        JsonNode issued = admin.get("/api/v1/audit?action=token.issued").json().get("items");
        assertThat(issued).anySatisfy(e -> assertThat(e.get("details").asString()).startsWith("shop bot"));
    }

    @Test
    void anAgentTokenCannotChangeTheAdminsStatusPasswordOrRoleNorCallAdminEndpoints() {
        var status = agentToken.put("/api/v1/users/" + ws.adminId() + "/status", """
                {"status":"AWAY"}""");
        assertThat(status.status()).isEqualTo(403);
        assertThat(agentToken.patch("/api/v1/users/" + ws.adminId(), """
                {"password":"hijacked-password-123"}""").status()).isEqualTo(403);
        assertThat(agentToken.patch("/api/v1/users/" + ws.adminId(), """
                {"name":"Renamed"}""").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/users/" + ws.adminId()).json().get("status").asString()).isEqualTo("OFFLINE");
        assertThat(admin.get("/api/v1/users/" + ws.adminId()).json().get("name").asString()).isEqualTo("Admin Tokens");

        for (String[] call : new String[][] {
                {"POST", "/api/v1/users", "{\"email\":\"x@tokens.test\",\"name\":\"X\",\"role\":\"ADMIN\"}"},
                {"POST", "/api/v1/tokens", "{\"name\":\"escalate\",\"role\":\"AGENT\"}"},
                {"GET", "/api/v1/tokens", null},
                {"PUT", "/api/v1/routing/settings", "{\"model\":\"UNIVERSAL\",\"strategy\":\"LEAST_LOADED\",\"vipFollowers\":1}"},
                {"POST", "/api/v1/inboxes", "{\"name\":\"Rogue\",\"channel\":\"API\"}"},
                {"POST", "/api/v1/sla-policies", "{\"name\":\"Rogue\",\"firstResponseMinutes\":5}"},
                {"GET", "/api/v1/audit", null}}) {
            var r = agentToken.send(call[0], call[1], call[2], "application/json");
            assertThat(r.status()).as(call[0] + " " + call[1] + " " + r.body()).isEqualTo(403);
        }
        // Its own identity has no agent status: a token is not a person who takes conversations.
        var own = agentToken.put("/api/v1/users/" + me(agentToken).get("id").asLong() + "/status",
                "{\"status\":\"AVAILABLE\"}");
        assertThat(own.status()).isEqualTo(400);
    }

    @Test
    void aTokenOutlivesItsIssuerButNotItsRevocation() {
        // The admin token deactivates the person created with the workspace: the token is not that person.
        assertThat(admin.patch("/api/v1/users/" + ws.adminId(), """
                {"active":false}""").status()).isEqualTo(200);
        assertThat(agentToken.get("/api/v1/conversations").status()).isEqualTo(200);
        assertThat(admin.send("DELETE", "/api/v1/tokens/" + agentTokenId, null, "application/json").status()).isEqualTo(204);
        assertThat(agentToken.get("/api/v1/conversations").status()).isEqualTo(401);
    }
}
