package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.ConversaIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's listening page: queries added from the form, mentions highlighted and always shown as text. */
@ConversaIT
class ListeningPageIT {
    @LocalServerPort
    int port;
    ConsoleFixture fx;
    ConsoleSession admin;

    @BeforeEach
    void workspace() {
        fx = new ConsoleFixture(port, "Listening page " + System.nanoTime());
        admin = ConsoleSession.login(port, fx.adminEmail);
    }

    @Test
    void aSupervisorAddsAQueryAndSeesItsMentionsHighlightedAsText() {
        String brand = "marca" + System.nanoTime();
        assertThat(admin.post("/listening/queries", "name", "Brand", "query", brand + " AND reembolso*").status()).isEqualTo(302);
        String page = admin.get("/listening").body();
        assertThat(page).contains(">Brand<").contains("requires: ");

        var intake = fx.admin.post("/api/v1/listening/posts", """
                {"source":"twitter","externalId":"p-1","text":"<script>alert(1)</script> %s: ¿y mi reembolso?","url":"javascript:alert(2)"}"""
                .formatted(brand));
        assertThat(intake.json().get("stored").asInt()).isEqualTo(1);
        page = admin.get("/listening").body();
        assertThat(page).contains("<mark>" + brand + "</mark>").contains("<mark>reembolso</mark>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                .doesNotContain("javascript:alert(2)").contains("id=\"mention-count\">1<");

        // a query that does not parse comes back with the reason and what was typed
        var bad = admin.post("/listening/queries", "name", "Broken", "query", "refund AND (late");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("position").contains("value=\"refund AND (late\"");

        // agents read mentions but do not manage queries
        fx.user("agent.listening@" + fx.workspace.slug() + ".test", "Lola Agent", "AGENT");
        var agent = ConsoleSession.login(port, "agent.listening@" + fx.workspace.slug() + ".test");
        String agentPage = agent.get("/listening").body();
        assertThat(agentPage).contains("<mark>" + brand + "</mark>").doesNotContain("id=\"query-form\"");
        assertThat(agent.post("/listening/queries", "name", "x", "query", "x").status()).isEqualTo(403);

        // proactive care: the agent opens a case from the mention and lands in the conversation
        long apiInbox = fx.inbox("Social", "API");
        String withInbox = agent.get("/listening").body();
        long mentionId = Long.parseLong(ConsoleSession.token(withInbox, "id=\"case-form-(\\d+)\""));
        var opened = agent.post("/listening/mentions/" + mentionId + "/case", "inboxId", String.valueOf(apiInbox));
        assertThat(opened.status()).isEqualTo(302);
        assertThat(agent.get("/listening").body()).contains("id=\"case-" + mentionId + "\"").doesNotContain("id=\"case-form-" + mentionId);
        long conversation = Long.parseLong(ConsoleSession.token(agent.get("/listening").body(), "href=\"/conversations/(\\d+)\""));
        assertThat(fx.messages(conversation).toString()).contains("¿y mi reembolso?");

        long id = Long.parseLong(ConsoleSession.token(page, "id=\"query-(\\d+)\""));
        assertThat(admin.post("/listening/queries/" + id + "/delete").status()).isEqualTo(302);
        assertThat(admin.get("/listening").body()).doesNotContain("id=\"query-" + id + "\"")
                .contains("<mark>" + brand + "</mark>");
    }
}
