package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.ConversaIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Admin → Teams in Chromium (Spanish): an admin creates a team with members, renames it and changes its members,
 * gives a member skills and a capacity per media, and deletes the team; after each step the REST API shows the same.
 * A missing name and an impossible skill level are answered next to their fields; agents get 403 and see no link.
 */
@ConversaIT
class TeamAdminPageIT {
    @LocalServerPort
    int port;

    @Test
    void anAdminCreatesEditsAndDeletesATeamFromThePage() {
        var fx = new ConsoleFixture(port, "Teams page");
        long ana = fx.user("ana@" + fx.workspace.slug() + ".test", "Ana Agente", "AGENT");
        long luis = fx.user("luis@" + fx.workspace.slug() + ".test", "Luis Agente", "AGENT");
        try (Browser b = Browser.open(port, "es")) {
            b.login(fx.adminEmail, ConsoleFixture.PASSWORD);
            b.waitFor(By.cssSelector("a.nav-teams")).click();
            assertThat(b.waitForText(By.tagName("h1"), "Equipos")).isEqualTo("Equipos");

            // the browser's own check is bypassed to see the server's answer next to the field
            b.driver.executeScript("document.getElementById('new-name').removeAttribute('required')");
            b.driver.findElement(By.id("new-member-" + ana)).click();
            b.driver.findElement(By.cssSelector("#team-new button[type=submit]")).click();
            assertThat(b.waitForText(By.id("new-name-error"), "name is required")).isEqualTo("name is required");
            assertThat(b.driver.findElement(By.id("new-name")).getAttribute("aria-describedby")).isEqualTo("new-name-error");
            assertThat(b.driver.findElement(By.id("new-member-" + ana)).isSelected()).as("what was chosen is kept").isTrue();

            b.driver.findElement(By.id("new-name")).sendKeys("Facturación");
            b.driver.findElement(By.id("new-member-" + luis)).click();
            b.driver.findElement(By.cssSelector("#team-new button[type=submit]")).click();
            assertThat(b.waitForText(By.cssSelector("p.notice"), "Equipo Facturación guardado.")).isEqualTo("Equipo Facturación guardado.");
            var team = fx.admin.get("/api/v1/teams").json().valueStream()
                    .filter(t -> t.get("name").asString().equals("Facturación")).findFirst().orElseThrow();
            long id = team.get("id").asLong();
            assertThat(team.get("memberIds").valueStream().map(n -> n.asLong()).toList()).containsExactly(ana, luis);

            var name = b.driver.findElement(By.id("t" + id + "-name"));
            name.clear();
            name.sendKeys("Facturación y cobros");
            b.driver.findElement(By.id("t" + id + "-description")).sendKeys("Pagos y devoluciones");
            b.driver.findElement(By.id("t" + id + "-member-" + luis)).click();
            b.driver.findElement(By.cssSelector("#team-" + id + " button.save")).click();
            assertThat(b.waitForText(By.cssSelector("p.notice"), "Equipo Facturación y cobros guardado.")).isEqualTo("Equipo Facturación y cobros guardado.");
            var changed = fx.admin.get("/api/v1/teams/" + id).json();
            assertThat(changed.get("name").asString()).isEqualTo("Facturación y cobros");
            assertThat(changed.get("description").asString()).isEqualTo("Pagos y devoluciones");
            assertThat(changed.get("memberIds").valueStream().map(n -> n.asLong()).toList()).containsExactly(ana);

            var skills = b.driver.findElement(By.id("skills-" + ana));
            skills.sendKeys("language:es=5, billing=9");
            b.driver.findElement(By.cssSelector("#agent-" + ana + " button.save-agent")).click();
            assertThat(b.waitForText(By.id("skills-error-" + ana), "skills are names with levels 1 to 5")).isEqualTo("skills are names with levels 1 to 5");
            assertThat(b.driver.findElement(By.id("skills-" + ana)).getAttribute("value")).isEqualTo("language:es=5, billing=9");
            skills = b.driver.findElement(By.id("skills-" + ana));
            skills.clear();
            skills.sendKeys("language:es=5, billing=3");
            var chats = b.driver.findElement(By.id("cap-CHAT-" + ana));
            chats.clear();
            chats.sendKeys("3");
            var calls = b.driver.findElement(By.id("cap-CALL-" + ana));
            calls.clear();
            calls.sendKeys("1");
            b.driver.findElement(By.cssSelector("#agent-" + ana + " button.save-agent")).click();
            assertThat(b.waitForText(By.cssSelector("p.notice"), "Habilidades y capacidad de Ana Agente guardadas.")).isEqualTo("Habilidades y capacidad de Ana Agente guardadas.");
            var routing = fx.admin.get("/api/v1/routing/agents").json().valueStream()
                    .filter(a -> a.get("userId").asLong() == ana).findFirst().orElseThrow();
            assertThat(routing.get("skills").get("language:es").asInt()).isEqualTo(5);
            assertThat(routing.get("skills").get("billing").asInt()).isEqualTo(3);
            assertThat(routing.get("capacity").get("CHAT").asInt()).isEqualTo(3);
            assertThat(routing.get("capacity").get("CALL").asInt()).isEqualTo(1);
            assertThat(routing.get("capacity").get("EMAIL").asInt()).isZero();
            assertThat(b.driver.findElement(By.id("skills-" + ana)).getAttribute("value")).isEqualTo("billing=3, language:es=5");

            b.driver.findElement(By.cssSelector("#team-" + id + " button.delete")).click();
            assertThat(b.waitForText(By.cssSelector("p.notice"), "Equipo Facturación y cobros eliminado.")).isEqualTo("Equipo Facturación y cobros eliminado.");
            assertThat(fx.admin.get("/api/v1/teams/" + id).status()).isEqualTo(404);
            assertThat(b.driver.findElements(By.id("team-" + id))).isEmpty();
        }

        var agent = ConsoleSession.login(port, "ana@" + fx.workspace.slug() + ".test");
        assertThat(agent.get("/inbox").body()).doesNotContain("nav-teams");
        assertThat(agent.get("/admin/teams").status()).isEqualTo(403);
    }
}
