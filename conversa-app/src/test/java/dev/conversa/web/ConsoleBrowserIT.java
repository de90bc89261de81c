package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.ConversaIT;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The agent's day in real headless Chromium: sign in, filter, open, reply, note, assign, resolve; and XSS safety. */
@ConversaIT
class ConsoleBrowserIT {
    @LocalServerPort
    int port;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeAvailable();
    }

    @Test
    void anAgentFiltersRepliesNotesAssignsAndResolves() {
        var fx = new ConsoleFixture(port, "Browser");
        long social = fx.inbox("Twitter @brand", "API");
        long other = fx.inbox("Partner feed", "API");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long pilar = fx.inbound(social, "m1-" + tag, "t1-" + tag, "pilar-" + tag, "Pilar Gómez", "¿Dónde está mi pedido 4411?");
        long jorge = fx.inbound(other, "m2-" + tag, "t2-" + tag, "jorge-" + tag, "Jorge Díaz", "La factura está mal");

        try (Browser b = Browser.open(port, "en")) {
            b.login(fx.adminEmail, ConsoleFixture.PASSWORD);
            b.waitFor(b.row(pilar));
            b.waitFor(b.row(jorge));

            // Filter by inbox: only the partner feed's conversation stays.
            new Select(b.driver.findElement(By.id("filter-inbox"))).selectByValue(String.valueOf(other));
            b.wait(15).until(ExpectedConditions.invisibilityOfElementLocated(b.row(pilar)));
            assertThat(b.driver.findElements(b.row(jorge))).hasSize(1);
            // Back to any inbox, then full-text search on the message body.
            new Select(b.driver.findElement(By.id("filter-inbox"))).selectByValue("");
            b.waitFor(b.row(pilar));
            b.driver.findElement(By.id("search")).sendKeys("pedido 4411");
            b.wait(15).until(ExpectedConditions.invisibilityOfElementLocated(b.row(jorge)));
            assertThat(b.driver.findElements(b.row(pilar))).hasSize(1);

            b.openConversation(pilar);
            assertThat(b.driver.getCurrentUrl()).endsWith("/conversations/" + pilar);

            // Reply (privately: the public complaint continues in a direct message on the same case).
            b.driver.findElement(By.id("reply-body")).sendKeys("Hola Pilar, ya está en camino.");
            b.driver.findElement(By.id("visibility-private")).click();
            b.driver.findElement(By.id("reply-send")).click();
            b.waitFor(By.cssSelector("#thread li.msg.out"));
            assertThat(b.driver.findElement(By.cssSelector("#thread li.msg.out .body")).getText())
                    .isEqualTo("Hola Pilar, ya está en camino.");

            // Internal note.
            b.driver.findElement(By.id("note-body")).sendKeys("Cliente recurrente, revisar envío");
            b.driver.findElement(By.id("note-send")).click();
            b.waitFor(By.cssSelector("#thread li.msg.note"));

            // Assign to the admin (themselves).
            new Select(b.driver.findElement(By.id("assign-assignee"))).selectByValue(String.valueOf(fx.workspace.adminId()));
            b.driver.findElement(By.id("assign-reason")).sendKeys("VIP");
            b.driver.findElement(By.id("assign-send")).click();
            b.wait(15).until(ExpectedConditions.textToBe(By.id("conversation-assignee"), "Admin Browser"));

            // Resolve with the keyboard shortcut.
            b.driver.findElement(By.tagName("body")).sendKeys("e");
            b.wait(15).until(ExpectedConditions.attributeContains(By.id("conversation-status"), "class", "resolved"));
        }

        JsonNode conversation = fx.conversation(pilar);
        assertThat(conversation.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(conversation.get("assigneeId").asLong()).isEqualTo(fx.workspace.adminId());
        JsonNode messages = fx.messages(pilar);
        JsonNode reply = messages.get(messages.size() - 1);
        assertThat(reply.get("direction").asString()).isEqualTo("OUT");
        assertThat(reply.get("body").asString()).isEqualTo("Hola Pilar, ya está en camino.");
        assertThat(reply.get("inboxId").asLong()).isEqualTo(social);
        assertThat(reply.get("visibility").asString()).isEqualTo("PRIVATE");
        assertThat(conversation.get("channel").asString()).isEqualTo("API");
        assertThat(fx.admin.get("/api/v1/conversations/" + pilar + "/notes").json().get(0).get("body").asString())
                .isEqualTo("Cliente recurrente, revisar envío");
    }

    @Test
    void whatACustomerWroteIsShownAsTextAndNoScriptRuns() {
        var fx = new ConsoleFixture(port, "Xss");
        long inbox = fx.inbox("Web", "API");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String img = "<img src=x onerror=alert(1)>";
        String script = "<script>alert(2)</script>";
        long id = fx.inbound(inbox, "x1-" + tag, "tx-" + tag, "mallory-" + tag, "<b>Mallory</b>", img);
        fx.inbound(inbox, "x2-" + tag, "tx-" + tag, "mallory-" + tag, "<b>Mallory</b>", script);

        try (Browser b = Browser.open(port, "en")) {
            b.login(fx.adminEmail, ConsoleFixture.PASSWORD);
            b.waitFor(b.row(id));
            b.openConversation(id);
            b.settle();
            var bodies = b.driver.findElements(By.cssSelector("#thread li.msg .body"));
            assertThat(bodies).extracting(e -> e.getText()).containsExactly(img, script);
            assertThat(b.driver.findElement(By.id("customer-name")).getText()).isEqualTo("<b>Mallory</b>");
            assertThat(b.driver.findElements(By.cssSelector("#thread img, #inbox img, #thread script, #thread b"))).isEmpty();
            assertThat(b.driver.findElement(By.cssSelector("#row-" + id + " .preview")).getText()).isEqualTo(script);
            try {
                b.driver.switchTo().alert();
                throw new AssertionError("a script from a customer's message ran");
            } catch (NoAlertPresentException expected) {
                // no alert: nothing ran
            }
            // The console's own script still works, so the absence of alerts is not because scripts were disabled.
            assertThat(b.driver.executeScript("return typeof htmx")).isEqualTo("object");
        }
    }
}
