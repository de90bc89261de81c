package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium, in Spanish: an admin opens API tokens from the top bar, issues a token (shown once), the API accepts it,
 * revokes it from the page and the API refuses it; a missing name is answered next to the field; agents see no link
 * and get 403.
 */
@ConversaIT
class TokenAdminPageIT {
    @LocalServerPort
    int port;

    @Test
    void anAdminIssuesAndRevokesATokenFromThePage() {
        var fx = new ConsoleFixture(port, "Tokens page");
        try (Browser b = Browser.open(port, "es")) {
            b.login(fx.adminEmail, ConsoleFixture.PASSWORD);
            b.waitFor(By.cssSelector("a.nav-tokens")).click();
            assertThat(b.waitForText(By.tagName("h1"), "Tokens de API")).isEqualTo("Tokens de API");

            // the browser's own validation is bypassed to see the server's answer next to the field
            b.driver.executeScript("document.getElementById('token-name').removeAttribute('required')");
            b.driver.findElement(By.cssSelector("form.issue button[type=submit]")).click();
            assertThat(b.waitForText(By.id("name-error"), "name is required")).isEqualTo("name is required");
            assertThat(b.driver.findElement(By.id("token-name")).getAttribute("aria-describedby")).isEqualTo("name-error");

            b.driver.findElement(By.id("token-name")).sendKeys("CRM de ventas");
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("token-role"))).selectByValue("SUPERVISOR");
            b.driver.findElement(By.cssSelector("form.issue button[type=submit]")).click();
            String secret = b.waitFor(By.id("issued-secret")).getText();
            assertThat(secret).startsWith("cnv_");
            assertThat(b.driver.findElement(By.id("issued")).getText()).contains("no se vuelve a mostrar");

            Api asToken = new Api(port, secret);
            assertThat(asToken.get("/api/v1/conversations").status()).isEqualTo(200);
            long id = fx.admin.get("/api/v1/tokens").json().valueStream()
                    .filter(t -> t.get("name").asString().equals("CRM de ventas")).findFirst().orElseThrow().get("id").asLong();
            var row = b.driver.findElement(By.id("token-" + id));
            assertThat(row.findElement(By.cssSelector(".role")).getText()).isEqualTo("Supervisor");
            assertThat(row.getText()).doesNotContain(secret.substring(8)); // the table shows only the first characters

            row.findElement(By.cssSelector("button.revoke")).click();
            assertThat(b.waitFor(By.cssSelector("#token-" + id + " .state")).getText()).startsWith("revocado");
            assertThat(b.driver.getPageSource()).doesNotContain(secret);
            assertThat(asToken.get("/api/v1/conversations").status()).isEqualTo(401);
        }

        String agentEmail = "agente.tokens@" + fx.workspace.slug() + ".test";
        fx.user(agentEmail, "Tomás Agente", "AGENT");
        var agent = ConsoleSession.login(port, agentEmail);
        assertThat(agent.get("/inbox").body()).doesNotContain("nav-tokens");
        assertThat(agent.get("/admin/tokens").status()).isEqualTo(403);
    }
}
