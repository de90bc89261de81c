package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.ConversaIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium, in Spanish and in English: a supervisor groups queries into a brand and a competitor topic from the
 * page, the brand's dashboard shows its figures, an SVG trend with one bar per day and the share of voice; an alert
 * rule is added and deleted from the form. Agents read the dashboard without the forms.
 */
@ConversaIT
class ListeningDashboardIT {
    @LocalServerPort
    int port;

    private static void deliver(ConsoleFixture fx, String id, String author, long followers, Instant at, String text) {
        var r = fx.admin.post("/api/v1/listening/posts", """
                {"source":"twitter","externalId":"%s","author":"%s","authorFollowers":%d,"lang":"es","postedAt":"%s","text":%s}"""
                .formatted(id, author, followers, at, dev.conversa.support.Api.quote(text)));
        assertThat(r.json().get("stored").asInt()).isEqualTo(1);
    }

    @Test
    void aSupervisorBuildsTopicsAndReadsTheDashboardInSpanishAndEnglish() throws Exception {
        var fx = new ConsoleFixture(port, "Dashboard " + System.nanoTime());
        String brand = "acme" + System.nanoTime();
        String rival = "rival" + System.nanoTime();
        fx.admin.post("/api/v1/listening/queries", "{\"name\":\"Marca\",\"query\":\"" + brand + "\"}");
        fx.admin.post("/api/v1/listening/queries", "{\"name\":\"Rival\",\"query\":\"" + rival + "\"}");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        deliver(fx, "b1", "@ana", 1000, hour.minus(2, ChronoUnit.DAYS), "Me encanta " + brand + ", excelente servicio");
        deliver(fx, "b2", "@ana", 1200, hour.minus(1, ChronoUnit.DAYS), brand + " horrible, pésimo servicio, nunca más");
        deliver(fx, "b3", "@bob", 500, hour, brand + " abre una tienda en Madrid el lunes");
        deliver(fx, "r1", "@carl", 300, hour, rival + " horrible, pésimo servicio");

        try (Browser b = Browser.open(port, "es")) {
            b.login(fx.adminEmail, ConsoleFixture.PASSWORD);
            b.driver.get(b.base + "/listening");
            b.waitFor(By.id("topics-link")).click();
            assertThat(b.waitForText(By.tagName("h1"), "Temas")).isEqualTo("Temas");
            addTopic(b, "Rival SA", "COMPETITOR", "Rival");
            b.driver.get(b.base + "/listening/topics");
            addTopic(b, "Acme", "BRAND", "Marca");

            assertThat(b.waitForText(By.id("topic-name"), "Acme")).isEqualTo("Acme");
            assertThat(b.driver.findElement(By.id("volume")).getText()).isEqualTo("3");
            assertThat(b.driver.findElement(By.id("reach")).getText()).isEqualTo("2700");
            assertThat(b.driver.findElement(By.id("net-sentiment")).getText()).isEqualTo("0.00");
            assertThat(b.driver.findElement(By.id("figures-title")).getText()).isEqualTo("Cifras");
            // the 7 days to the end of this hour, by day: 8 day buckets (7 when that end is midnight), one SVG bar
            // each, the negative part on top
            Instant end = hour.plus(1, ChronoUnit.HOURS);
            List<WebElement> bars = b.driver.findElements(By.cssSelector("#trend rect.all"));
            assertThat(bars).hasSize(end.equals(end.truncatedTo(ChronoUnit.DAYS)) ? 7 : 8);
            assertThat(b.driver.findElements(By.cssSelector("#trend rect.neg"))).hasSize(1);
            assertThat(Double.parseDouble(bars.getLast().getAttribute("height"))).isEqualTo(100.0);
            WebElement sov = b.driver.findElement(By.id("share-of-voice"));
            assertThat(sov.findElement(By.cssSelector("thead")).getText()).contains("por menciones").contains("por alcance");
            assertThat(b.driver.findElement(By.cssSelector("#share-of-voice tbody tr")).getText())
                    .contains("Rival SA").contains("75.0 %").contains("90.0 %").contains("50.0 %");
            assertThat(b.driver.findElement(By.id("top-authors")).getText()).startsWith("@ana (2, 1.200 seguidores)");

            // an alert rule from the form, listed, then deleted
            new Select(b.driver.findElement(By.name("kind"))).selectByValue("NEGATIVE_SURGE");
            b.driver.findElement(By.name("emailTo")).sendKeys("guardia@acme.test, jefa@acme.test");
            b.driver.findElement(By.cssSelector("#rule-form button[type=submit]")).click();
            WebElement rule = b.waitFor(By.cssSelector("#rules li[id^=rule-]"));
            assertThat(rule.getText()).contains("Aumento de menciones negativas").contains("guardia@acme.test, jefa@acme.test")
                    .contains("últimas 4 semanas");
            screenshot(b, "listening-dashboard-es.png");
            rule.findElement(By.cssSelector("button")).click();
            assertThat(b.waitForText(By.cssSelector("#rules li"), "Todavía no hay reglas de alerta.")).isEqualTo("Todavía no hay reglas de alerta.");
        }

        long brandTopic = fx.admin.get("/api/v1/listening/topics").json().valueStream()
                .filter(t -> t.get("name").asString().equals("Acme")).findFirst().orElseThrow().get("id").asLong();
        String agentEmail = "agente.escucha@" + fx.workspace.slug() + ".test";
        fx.user(agentEmail, "Ada Agente", "AGENT");
        try (Browser b = Browser.open(port, "en")) {
            b.login(agentEmail, ConsoleFixture.PASSWORD);
            b.driver.get(b.base + "/listening/topics/" + brandTopic + "?days=30&interval=week");
            assertThat(b.waitForText(By.id("figures-title"), "Figures")).isEqualTo("Figures");
            assertThat(b.driver.findElement(By.id("sov-title")).getText()).isEqualTo("Share of voice");
            assertThat(b.driver.findElement(By.id("volume")).getText()).isEqualTo("3");
            assertThat(b.driver.findElements(By.id("rule-form"))).as("agents read, supervisors manage").isEmpty();
            assertThat(b.driver.findElements(By.cssSelector("#trend rect.all")).size()).isBetween(5, 6);
            screenshot(b, "listening-dashboard-en.png");
            b.driver.get(b.base + "/listening/topics");
            assertThat(b.waitForText(By.tagName("h1"), "Topics")).isEqualTo("Topics");
            assertThat(b.driver.findElements(By.id("topic-form"))).isEmpty();
            assertThat(b.driver.findElements(By.id("alert-feed"))).as("the feed's secret is for supervisors").isEmpty();
        }
        assertThat(ConsoleSession.login(port, agentEmail).post("/listening/topics", "name", "X", "kind", "BRAND").status())
                .isEqualTo(403);
    }

    /** Into target/screenshots; {@code -Dconversa.screenshots=update} also copies it to docs/screenshots. */
    private static void screenshot(Browser b, String name) throws java.io.IOException {
        byte[] png = b.driver.getScreenshotAs(OutputType.BYTES);
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve(name), png);
        if ("update".equals(System.getProperty("conversa.screenshots"))) {
            Files.write(Path.of("..", "docs", "screenshots", name), png);
        }
    }

    private static void addTopic(Browser b, String name, String kind, String query) {
        b.waitFor(By.name("name")).sendKeys(name);
        new Select(b.driver.findElement(By.name("kind"))).selectByValue(kind);
        for (WebElement label : b.driver.findElements(By.cssSelector("#topic-form fieldset label"))) {
            if (label.getText().startsWith(query + " ")) {
                label.findElement(By.tagName("input")).click();
            }
        }
        b.driver.findElement(By.cssSelector("#topic-form button[type=submit]")).click();
        b.waitFor(By.id("topic-name"));
    }
}
