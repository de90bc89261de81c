package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The wallboard: in Chromium (English and Spanish) it shows who waits where and updates within 2 s when a
 * conversation arrives, without reloading; agents are refused; another workspace's queues never show.
 */
@ConversaIT
class WallboardIT {
    @LocalServerPort
    int port;

    private static void status(ConsoleFixture fx, long user, String status) {
        assertThat(fx.admin.put("/api/v1/users/" + user + "/status", "{\"status\":\"" + status + "\"}").status())
                .isEqualTo(200);
    }

    @Test
    void aNewConversationShowsOnTheWallboardWithinTwoSeconds() {
        Browser.assumeAvailable();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        var fx = new ConsoleFixture(port, "Wallboard " + tag);
        long inbox = fx.inbox("Soporte", "API");
        String supervisorEmail = "sup-" + tag + "@wallboard.test";
        fx.user(supervisorEmail, "Sara Supervisora", "SUPERVISOR");
        fx.inbound(inbox, "w0-" + tag, "w0-" + tag, "u0-" + tag, "Ana", "Hola");

        try (Browser en = Browser.open(port, "en"); Browser es = Browser.open(port, "es")) {
            en.login(fx.adminEmail, ConsoleFixture.PASSWORD);
            es.login(supervisorEmail, ConsoleFixture.PASSWORD);
            for (Browser b : new Browser[] {en, es}) {
                b.driver.get(b.base + "/wallboard");
                b.wait(10).until(ExpectedConditions.attributeToBe(By.id("wallboard-live"), "data-state", "online"));
                b.wait(10).until(ExpectedConditions.textToBe(By.id("waiting-total"), "1"));
                b.driver.executeScript("window.__noReload = 'still-here';");
            }
            assertThat(en.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Wallboard");
            assertThat(es.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Panel de sala");
            assertThat(en.driver.findElement(By.id("inbox-" + inbox)).getText()).contains("Soporte");
            assertThat(es.driver.findElement(By.id("team-none")).getText()).contains("Sin equipo");
            // light text on the dark board everywhere: the shared stylesheet's white headers and tables must not show
            for (String selector : new String[] {"header", "#by-inbox", "#by-inbox td"}) {
                assertThat(en.driver.executeScript("var s = getComputedStyle(document.querySelector(arguments[0]));"
                        + " return s.backgroundColor + ' on ' + s.color;", selector))
                        .as(selector).asString().doesNotStartWith("rgb(255, 255, 255)");
            }

            fx.inbound(inbox, "w1-" + tag, "w1-" + tag, "u1-" + tag, "Bea", "¿Hay alguien?");
            for (Browser b : new Browser[] {en, es}) {
                new WebDriverWait(b.driver, Duration.ofSeconds(2), Duration.ofMillis(25))
                        .until(ExpectedConditions.textToBe(By.id("waiting-total"), "2"));
                assertThat(b.driver.executeScript("return window.__noReload;")).isEqualTo("still-here");
            }
            assertThat(en.driver.findElement(By.cssSelector("#inbox-" + inbox + " .waiting")).getText()).isEqualTo("2");
        }

        // another workspace: none of these queues; its own agents by status; no SLA policy nor survey yet
        var other = new ConsoleFixture(port, "Wallboard elsewhere " + tag);
        status(other, other.workspace.adminId(), "AWAY");
        status(other, other.user("a1-" + tag + "@wallboard.test", "Uno", "AGENT"), "AVAILABLE");
        status(other, other.user("a2-" + tag + "@wallboard.test", "Dos", "AGENT"), "BUSY");
        status(other, other.user("a3-" + tag + "@wallboard.test", "Tres", "AGENT"), "AWAY");
        var session = ConsoleSession.login(port, other.adminEmail);
        var page = session.get("/wallboard");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"waiting-total\">0<").doesNotContain("inbox-" + inbox)
                .contains("id=\"agents-available\">1<").contains("id=\"agents-busy\">1<")
                .contains("id=\"agents-away\">2<").contains("id=\"within-target\">–<")
                .contains("id=\"csat-today\">–<");

        fx.user("agent-" + tag + "@wallboard.test", "Rita Agent", "AGENT");
        assertThat(ConsoleSession.login(port, "agent-" + tag + "@wallboard.test").get("/wallboard").status()).isEqualTo(403);
    }
}
