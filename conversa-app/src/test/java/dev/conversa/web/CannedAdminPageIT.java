package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Canned responses, in Chromium (English) and over the API: an admin adds one from the page, a taken shortcut is
 * refused next to the field with what was typed kept, edits and deletes it; the API shows the same objects; another
 * workspace sees none of them; agents may read but not change them.
 */
@ConversaIT
class CannedAdminPageIT {
    @LocalServerPort
    int port;

    @Test
    void anAdminMaintainsCannedResponsesFromThePage() {
        var fx = new ConsoleFixture(port, "Canned page");
        try (Browser b = Browser.open(port, "en")) {
            b.login(fx.adminEmail, ConsoleFixture.PASSWORD);
            b.waitFor(By.cssSelector("a.nav-canned")).click();
            assertThat(b.waitForText(By.tagName("h1"), "Canned responses")).isEqualTo("Canned responses");

            fill(b, "new", "refund", "Refund on its way", "Hi {{customer.name}}, your refund is on its way.");
            b.driver.findElement(By.cssSelector("#canned-new button[type=submit]")).click();
            assertThat(b.waitForText(By.cssSelector("p.notice"), "/refund saved.")).isEqualTo("/refund saved.");
            JsonNode created = fx.admin.get("/api/v1/canned-responses").json().get(0);
            assertThat(created.get("shortcut").asString()).isEqualTo("refund");
            assertThat(created.get("body").asString()).isEqualTo("Hi {{customer.name}}, your refund is on its way.");
            long id = created.get("id").asLong();

            // the same shortcut again: refused beside the field, the typed title kept
            fill(b, "new", "refund", "Another", "Other text");
            b.driver.findElement(By.cssSelector("#canned-new button[type=submit]")).click();
            assertThat(b.waitForText(By.id("new-shortcut-error"), "shortcut /refund already exists")).isEqualTo("shortcut /refund already exists");
            assertThat(b.driver.findElement(By.id("new-title")).getAttribute("value")).isEqualTo("Another");

            WebElement title = b.driver.findElement(By.id("e" + id + "-title"));
            title.clear();
            title.sendKeys("Refund sent");
            b.driver.findElement(By.cssSelector("#canned-" + id + " button[type=submit]")).click();
            b.waitFor(By.cssSelector("p.notice"));
            assertThat(fx.admin.get("/api/v1/canned-responses/" + id).json().get("title").asString()).isEqualTo("Refund sent");

            b.driver.findElement(By.id("delete-" + id)).click();
            assertThat(b.waitForText(By.cssSelector("p.notice"), "Canned response deleted.")).isEqualTo("Canned response deleted.");
            assertThat(fx.admin.get("/api/v1/canned-responses/" + id).status()).isEqualTo(404);
        }
    }

    @Test
    void theApiKeepsCannedResponsesInTheirWorkspaceAndLetsAgentsOnlyRead() {
        var fx = new ConsoleFixture(port, "Canned API");
        var made = fx.admin.post("/api/v1/canned-responses", """
                {"shortcut":"/Hola","title":"Saludo","body":"¡Hola {{customer.name}}!"}""");
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.json().get("shortcut").asString()).isEqualTo("hola");
        long id = made.json().get("id").asLong();
        assertThat(fx.admin.post("/api/v1/canned-responses", """
                {"shortcut":"hola","title":"Otro","body":"x"}""").status()).isEqualTo(409);
        var bad = fx.admin.post("/api/v1/canned-responses", """
                {"shortcut":"con espacios","title":"t","body":"b"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fx.admin.send("PUT", "/api/v1/canned-responses/" + id, """
                {"shortcut":"hola","title":"Saludo","body":""}""", "application/json").status()).isEqualTo(400);

        Api installation = new Api(port, Api.BOOTSTRAP_TOKEN);
        Api other = installation.as(installation.createWorkspace("Canned other").adminToken());
        assertThat(other.get("/api/v1/canned-responses").json()).isEmpty();
        assertThat(other.get("/api/v1/canned-responses/" + id).status()).isEqualTo(404);
        assertThat(other.send("DELETE", "/api/v1/canned-responses/" + id, null, null).status()).isEqualTo(404);

        String agentToken = fx.admin.post("/api/v1/tokens", """
                {"name":"agent","role":"AGENT"}""").json().get("token").asString();
        Api agent = new Api(port, agentToken);
        assertThat(agent.get("/api/v1/canned-responses").json()).hasSize(1);
        assertThat(agent.send("DELETE", "/api/v1/canned-responses/" + id, null, null).status()).isEqualTo(403);
        assertThat(fx.admin.send("DELETE", "/api/v1/canned-responses/" + id, null, null).status()).isEqualTo(204);
    }

    private static void fill(Browser b, String prefix, String shortcut, String title, String body) {
        for (String[] f : new String[][] {{"shortcut", shortcut}, {"title", title}, {"body", body}}) {
            WebElement e = b.driver.findElement(By.id(prefix + "-" + f[0]));
            e.clear();
            e.sendKeys(f[1]);
        }
    }
}
