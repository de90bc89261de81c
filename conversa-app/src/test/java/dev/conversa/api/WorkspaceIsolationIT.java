package dev.conversa.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Issue 2, done means 2 and 3: two workspaces through the API, and neither can see the other's data. */
@ConversaIT
class WorkspaceIsolationIT {
    @LocalServerPort
    int port;
    Api api;
    Api.TestWorkspace a;
    Api.TestWorkspace b;

    @BeforeEach
    void setUp() {
        api = new Api(port, null);
        a = api.createWorkspace("Brand A");
        b = api.createWorkspace("Brand B");
    }

    @Test
    void workspaceAdminCreatesCustomerConversationAndMessageAndListsThemBack() {
        Api asA = api.as(a.adminToken());
        long inbox = asA.post("/api/v1/inboxes", """
                {"name":"Support API","channel":"API"}""").json().get("id").asLong();

        var customer = asA.post("/api/v1/customers", """
                {"name":"Lucía Fernández","email":"lucia@example.com","identities":[
                  {"kind":"EMAIL","value":"Lucia@Example.com"},
                  {"kind":"TWITTER","value":"98765","handle":"@lucia_fz","followerCount":1520}]}""");
        assertThat(customer.status()).isEqualTo(201);
        long customerId = customer.json().get("id").asLong();
        assertThat(customer.json().get("identities")).hasSize(2);
        assertThat(customer.json().get("identities").get(0).get("value").asString()).isEqualTo("lucia@example.com");

        var conversation = asA.post("/api/v1/conversations", """
                {"inboxId":%d,"customerId":%d,"subject":"Refund for order 1234","priority":"HIGH"}""".formatted(inbox, customerId));
        assertThat(conversation.status()).isEqualTo(201);
        long conversationId = conversation.json().get("id").asLong();
        assertThat(conversation.json().get("channel").asString()).isEqualTo("API");
        assertThat(conversation.json().get("status").asString()).isEqualTo("OPEN");

        var message = asA.post("/api/v1/conversations/" + conversationId + "/messages", """
                {"body":"Hola Lucía, ya hemos emitido el reembolso.","visibility":"PRIVATE"}""");
        assertThat(message.status()).isEqualTo(201);
        assertThat(message.json().get("direction").asString()).isEqualTo("OUT");

        JsonNode listed = asA.get("/api/v1/conversations/" + conversationId + "/messages").json();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("body").asString()).isEqualTo("Hola Lucía, ya hemos emitido el reembolso.");

        JsonNode conversations = asA.get("/api/v1/conversations?customerId=" + customerId).json();
        assertThat(conversations.get("items")).extracting(n -> n.get("id").asLong()).containsExactly(conversationId);
        JsonNode found = asA.get("/api/v1/customers?q=lucia_fz").json();
        assertThat(found.get("items")).extracting(n -> n.get("id").asLong()).containsExactly(customerId);
    }

    @Test
    void anotherWorkspacesTokenGets404AndCannotListTheData() {
        Api asA = api.as(a.adminToken());
        Api asB = api.as(b.adminToken());
        long inbox = asA.post("/api/v1/inboxes", """
                {"name":"Web","channel":"API"}""").json().get("id").asLong();
        long customerId = asA.post("/api/v1/customers", """
                {"name":"Secret Customer","identities":[{"kind":"PHONE","value":"+34 600 123 456"}]}""").json().get("id").asLong();
        long conversationId = asA.post("/api/v1/conversations", """
                {"inboxId":%d,"customerId":%d}""".formatted(inbox, customerId)).json().get("id").asLong();
        asA.post("/api/v1/conversations/" + conversationId + "/notes", """
                {"body":"VIP, handle with care"}""");

        for (String path : new String[] {"/api/v1/customers/" + customerId, "/api/v1/conversations/" + conversationId,
                "/api/v1/conversations/" + conversationId + "/messages", "/api/v1/conversations/" + conversationId + "/notes",
                "/api/v1/customers/" + customerId + "/conversations", "/api/v1/inboxes/" + inbox,
                "/api/v1/workspaces/" + a.id(), "/api/v1/users/" + a.adminId()}) {
            var r = asB.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
        }
        // Nor can B change A's data.
        assertThat(asB.patch("/api/v1/conversations/" + conversationId, """
                {"status":"RESOLVED"}""").status()).isEqualTo(404);
        assertThat(asB.post("/api/v1/conversations/" + conversationId + "/messages", """
                {"body":"hijack"}""").status()).isEqualTo(404);
        // (an id in a body that is not the caller's workspace's is refused as that field's error: CrossWorkspaceIdsIT)
        assertThat(asB.post("/api/v1/conversations", """
                {"inboxId":%d,"customerId":%d}""".formatted(inbox, customerId)).status()).isEqualTo(400);
        // (A's own message first, so that this node has the inbox in memory.)
        assertThat(asA.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"a1","from":{"kind":"EMAIL","value":"a@example.com"},"body":"hola"}""").status()).isEqualTo(201);
        assertThat(asB.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"x1","from":{"kind":"EMAIL","value":"x@example.com"},"body":"hi"}""").status()).isEqualTo(404);

        assertThat(asB.get("/api/v1/customers").json().get("total").asLong()).isZero();
        assertThat(asB.get("/api/v1/customers?q=Secret").json().get("items")).isEmpty();
        assertThat(asB.get("/api/v1/conversations").json().get("total").asLong()).isZero();
        assertThat(asB.get("/api/v1/inboxes").json()).isEmpty();
        assertThat(asB.get("/api/v1/workspaces").json()).extracting(n -> n.get("id").asLong()).containsExactly(b.id());
        assertThat(asA.get("/api/v1/conversations/" + conversationId).json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void onlyInstallationAdminsCreateWorkspacesAndTheyCannotReadWorkspaceData() {
        var denied = api.as(a.adminToken()).post("/api/v1/workspaces", """
                {"slug":"sneaky","name":"Sneaky"}""");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.contentType()).startsWith("application/problem+json");

        var installation = api.as(Api.BOOTSTRAP_TOKEN).get("/api/v1/customers");
        assertThat(installation.status()).isEqualTo(403);
    }
}
