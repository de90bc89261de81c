package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Two consoles of one workspace: a message posted through the API shows up in both within 2 s, without reload. */
@ConversaIT
class LiveInboxIT {
    @LocalServerPort
    int port;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeAvailable();
    }

    @Test
    void aNewMessageAppearsInEveryOpenInboxWithinTwoSeconds() {
        var fx = new ConsoleFixture(port, "Live");
        long inbox = fx.inbox("Twitter", "API");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String agentEmail = "agent-" + tag + "@live.test";
        fx.user(agentEmail, "Lucía Agent", "AGENT");

        try (Browser admin = Browser.open(port, "en"); Browser agent = Browser.open(port, "es")) {
            admin.login(fx.adminEmail, ConsoleFixture.PASSWORD);
            agent.login(agentEmail, ConsoleFixture.PASSWORD);
            Object marker = agent.driver.executeScript("window.__noReload = 'still-here'; return window.__noReload;");
            assertThat(marker).isEqualTo("still-here");

            long id = fx.inbound(inbox, "live-" + tag, "live-" + tag, "u-" + tag, "Carmen Live", "¿Hay alguien ahí? " + tag);

            for (Browser b : new Browser[] {admin, agent}) {
                new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(2), Duration.ofMillis(25))
                        .until(ExpectedConditions.visibilityOfElementLocated(b.row(id)));
            }
            assertThat(agent.driver.findElement(agent.row(id)).getText()).contains("Carmen Live");
            // Same page, no reload happened.
            assertThat(agent.driver.executeScript("return window.__noReload;")).isEqualTo("still-here");

            // While both look at the conversation, each sees the other.
            admin.openConversation(id);
            agent.openConversation(id);
            agent.wait(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence"), "Admin Live"));
            admin.wait(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence"), "Lucía Agent"));

            // A second message in the same conversation appears in the open thread of the other console.
            fx.inbound(inbox, "live2-" + tag, "live-" + tag, "u-" + tag, "Carmen Live", "Sigo esperando " + tag);
            new org.openqa.selenium.support.ui.WebDriverWait(agent.driver, Duration.ofSeconds(2), Duration.ofMillis(25))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("thread"), "Sigo esperando " + tag));
        }
    }
}
