package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.conversa.support.ConversaIT;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * In Chromium: real mail from the corpus (mail-corpus/ORIGIN.md) arrives over IMAP IDLE; the admin finds the
 * quarantined message and the bounce from Admin → Inboxes, retries the broken message (it still fails, and says why)
 * and dismisses it.
 */
@ConversaIT
class ConsoleMailQuarantineIT {
    static GreenMail mail;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
    }

    @AfterAll
    static void stop() {
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void anAdminSeesRetriesAndDismissesQuarantinedMailAndSeesTheBounce() throws Exception {
        var fx = new ConsoleFixture(port, "Quarantine");
        String address = "q-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        mail.setUser(address, address, "imap-secret");
        long inbox = fx.admin.post("/api/v1/inboxes", """
                {"name":"Support mail","channel":"EMAIL","settings":{"address":"%s","imapHost":"127.0.0.1","imapPort":"%d",
                 "imapSecurity":"none","smtpHost":"127.0.0.1","smtpPort":"%d","smtpSecurity":"none","pollSeconds":"3600",
                 "imapIdle":"true"},"secrets":{"password":"imap-secret"}}"""
                .formatted(address, mail.getImap().getPort(), mail.getSmtp().getPort())).json().get("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> fx.admin.get("/api/v1/inboxes/" + inbox).json()
                .get("status").asString().equals("ACTIVE"));
        deliver(address, "spamscope-mail-outlook-1.eml"); // not RFC 5322 even leniently: quarantined
        deliver(address, "flanker-gmail-invalid-address.eml"); // a Gmail bounce
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(fx.admin.get("/api/v1/inboxes/" + inbox + "/email/quarantine").json()).hasSize(1);
            assertThat(fx.admin.get("/api/v1/inboxes/" + inbox + "/email/automatic-mail").json()).hasSize(1);
        });
        JsonNode entry = fx.admin.get("/api/v1/inboxes/" + inbox + "/email/quarantine").json().get(0);
        long entryId = entry.get("id").asLong();

        try (Browser b = Browser.open(port, "en")) {
            b.login(fx.adminEmail, ConsoleFixture.PASSWORD);
            b.driver.get(b.base + "/admin/inboxes");
            b.waitFor(By.cssSelector("a.mail-link[href$='/admin/inboxes/" + inbox + "/mail']")).click();

            var row = b.waitFor(By.id("quarantine-" + entryId));
            assertThat(row.findElement(By.cssSelector(".reason")).getText()).isEqualTo(entry.get("reason").asString())
                    .isNotBlank();
            assertThat(row.findElement(By.linkText("Raw message")).getAttribute("href"))
                    .endsWith("/api/v1/inboxes/" + inbox + "/email/quarantine/" + entryId + "/raw");
            var bounce = b.driver.findElement(By.cssSelector("#automatic-table tbody tr"));
            assertThat(bounce.findElement(By.cssSelector(".kind")).getText()).isEqualTo("Bounce");

            row.findElement(By.cssSelector("button.retry")).click();
            assertThat(b.waitFor(By.cssSelector("p.error[role=alert]")).getText())
                    .startsWith("Quarantined message " + entryId + " still cannot be ingested:");
            assertThat(b.waitFor(By.id("quarantine-" + entryId)).findElements(By.tagName("td")).get(5).getText())
                    .isEqualTo("2");

            b.driver.findElement(By.cssSelector("#quarantine-" + entryId + " button.dismiss")).click();
            assertThat(b.waitFor(By.cssSelector("p.notice[role=status]")).getText())
                    .isEqualTo("Quarantined message " + entryId + " dismissed.");
            assertThat(b.driver.findElement(By.id("quarantine-empty")).getText()).isEqualTo("Nothing in quarantine.");
        }
        assertThat(fx.admin.get("/api/v1/inboxes/" + inbox + "/email/quarantine?status=DISMISSED").json().get(0)
                .get("id").asLong()).isEqualTo(entryId);
        assertThat(fx.admin.get("/api/v1/conversations?channel=EMAIL").json().get("total").asLong()).isZero();
    }

    private static void deliver(String address, String corpusFile) throws Exception {
        mail.getUserManager().getUser(address).deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(read(corpusFile))));
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream in = ConsoleMailQuarantineIT.class.getResourceAsStream("/mail-corpus/" + file)) {
            return in.readAllBytes();
        }
    }
}
