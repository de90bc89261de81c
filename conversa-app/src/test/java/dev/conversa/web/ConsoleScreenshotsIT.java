package dev.conversa.web;

import dev.conversa.support.ConversaIT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Screenshots of the inbox, a conversation, the customer panel, the report, the wallboard and four admin pages, in
 * English and Spanish. They go to
 * {@code target/screenshots}; {@code -Dconversa.screenshots=update} also copies them to {@code docs/screenshots}:
 * <pre>./mvnw -pl conversa-app verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ConsoleScreenshotsIT -Dconversa.screenshots=update</pre>
 */
@ConversaIT
class ConsoleScreenshotsIT {
    @LocalServerPort
    int port;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeAvailable();
    }

    @Test
    void screenshotsInEnglishAndSpanish() throws IOException {
        var fx = new ConsoleFixture(port, "Acme Telecom");
        long twitter = fx.inbox("Twitter @acme", "API");
        long email = fx.inbox("soporte@acme.example", "API");
        String t = UUID.randomUUID().toString().substring(0, 6);
        long pilar = fx.inbound(twitter, "s1-" + t, "s1-" + t, "pilar-" + t, "Pilar Gómez",
                "@acme llevo tres días sin fibra y nadie me contesta. ¿Alguien me puede ayudar?");
        fx.inbound(email, "s2-" + t, "s2-" + t, "jorge-" + t, "Jorge Díaz", "Hola, la factura de octubre tiene un cargo que no reconozco.");
        fx.inbound(twitter, "s3-" + t, "s3-" + t, "emma-" + t, "Emma Wilson", "Thanks @acme, the new router works great!");
        fx.inbound(email, "s4-" + t, "s4-" + t, "li-" + t, "Li Wei", "Can I move my contract to my new address?");
        fx.admin.post("/api/v1/conversations/" + pilar + "/messages", """
                {"body":"Hola Pilar, lo sentimos. Te escribimos por mensaje directo para revisar tu línea.","visibility":"PUBLIC"}""");
        fx.inbound(twitter, "s5-" + t, "s1-" + t, "pilar-" + t, "Pilar Gómez", "Gracias, os paso el número de cliente por privado.");
        fx.admin.post("/api/v1/conversations/" + pilar + "/notes", """
                {"body":"Avería en la zona norte, ticket técnico abierto."}""");
        fx.admin.put("/api/v1/conversations/" + pilar + "/tags", """
                {"tags":["fibra","avería"]}""");

        fx.admin.post("/api/v1/canned-responses", """
                {"shortcut":"averia","title":"Avería en la zona","body":"Hola {{customer.name}}, hay una avería en tu zona; te avisamos en cuanto esté resuelta."}""");
        long marta = fx.user("marta-" + t + "@acme.example", "Marta Ruiz", "AGENT");
        long tomas = fx.user("tomas-" + t + "@acme.example", "Tomás Vidal", "SUPERVISOR");
        fx.admin.post("/api/v1/teams", """
                {"name":"Facturación","description":"Cargos, devoluciones y cambios de tarifa","memberIds":[%d,%d]}"""
                .formatted(marta, tomas));
        fx.admin.put("/api/v1/routing/agents/" + marta, """
                {"skills":{"language:es":5,"billing":4},"capacity":{"CALL":1,"CHAT":3,"SOCIAL":6,"EMAIL":8}}""");
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        for (String lang : new String[] {"en", "es"}) {
            try (Browser b = Browser.open(port, lang)) {
                b.login(fx.adminEmail, ConsoleFixture.PASSWORD);
                b.driver.get(b.base + "/inbox?lang=" + lang);
                b.waitFor(b.row(pilar));
                b.waitUntilLive();
                shot(b.driver, out.resolve("inbox-" + lang + ".png"));
                b.openConversation(pilar);
                b.settle();
                shot(b.driver, out.resolve("conversation-" + lang + ".png"));
                var panel = b.driver.findElement(By.id("customer"));
                Files.write(out.resolve("customer-" + lang + ".png"), panel.getScreenshotAs(OutputType.BYTES));
                // the supervisor's pages: the report once its facts are written, the wallboard live, the admin pages
                b.driver.get(b.base + "/reports?by=inbox&lang=" + lang);
                b.wait(10).until(d -> {
                    if (!d.findElements(By.id("group-" + twitter)).isEmpty()) {
                        return true;
                    }
                    d.navigate().refresh();
                    return false;
                });
                shot(b.driver, out.resolve("reports-" + lang + ".png"));
                b.driver.get(b.base + "/wallboard?lang=" + lang);
                b.settle();
                shot(b.driver, out.resolve("wallboard-" + lang + ".png"));
                b.driver.get(b.base + "/admin/inboxes?lang=" + lang);
                b.waitFor(By.id("new-email")).click();
                shot(b.driver, out.resolve("admin-inboxes-" + lang + ".png"));
                b.driver.get(b.base + "/admin/canned?lang=" + lang);
                b.waitFor(By.id("canned-new"));
                shot(b.driver, out.resolve("admin-canned-" + lang + ".png"));
                b.driver.get(b.base + "/admin/users?lang=" + lang);
                b.waitFor(By.id("user-table"));
                shot(b.driver, out.resolve("admin-users-" + lang + ".png"));
                b.driver.get(b.base + "/admin/teams?lang=" + lang);
                b.waitFor(By.id("agent-table"));
                shot(b.driver, out.resolve("admin-teams-" + lang + ".png"));
            }
        }
        if ("update".equals(System.getProperty("conversa.screenshots"))) {
            Path docs = Path.of("..", "docs", "screenshots");
            Files.createDirectories(docs);
            try (var files = Files.list(out)) {
                for (Path p : files.toList()) {
                    Files.copy(p, docs.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void shot(org.openqa.selenium.WebDriver driver, Path file) throws IOException {
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
