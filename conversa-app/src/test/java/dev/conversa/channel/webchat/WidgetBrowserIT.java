package dev.conversa.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A visitor on the company's site (another origin, served here by a tiny HTTP server) chats through the widget
 * with an agent in the console; both browsers are Debian's headless Chromium. Skipped without chromedriver.
 */
@ConversaIT
class WidgetBrowserIT {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @LocalServerPort
    int port;
    HttpServer site;
    WebDriver visitor;
    WebDriver agent;

    @BeforeEach
    void browsers() {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM), "chromium/chromedriver not installed");
        visitor = chrome();
        agent = chrome();
    }

    @AfterEach
    void close() {
        if (visitor != null) {
            visitor.quit();
        }
        if (agent != null) {
            agent.quit();
        }
        if (site != null) {
            site.stop(0);
        }
    }

    static WebDriver chrome() {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @Test
    void aVisitorAndAnAgentChatLiveAndTheTranscriptSurvivesAReload() throws Exception {
        Api api = new Api(port, null);
        Api.TestWorkspace ws = api.createWorkspace("Widget");
        Api admin = api.as(ws.adminToken());
        long inbox = admin.post("/api/v1/inboxes", """
                {"name":"Tienda Acme","channel":"WEBCHAT","settings":{"widgetColor":"#0a7d45","widgetTitle":"Acme"}}""")
                .json().get("id").asLong();
        String page = """
                <!doctype html><html lang="es"><head><meta charset="utf-8"><title>Zapatillas trail — Acme</title></head>
                <body><h1>Zapatillas trail</h1>
                <script src="http://localhost:%d/widget/conversa.js" data-inbox="%d" data-locale="es" async></script>
                </body></html>""".formatted(port, inbox);
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        String shop = "http://127.0.0.1:" + site.getAddress().getPort() + "/zapatillas";

        // The visitor opens the widget (in Spanish), fills in the pre-chat form and writes.
        visitor.get(shop);
        WebElement launcher = waitFor(visitor, By.id("conversa-launcher"));
        assertThat(launcher.getText()).isEqualTo("Habla con nosotros");
        launcher.click();
        waitFor(visitor, By.id("conversa-name")).sendKeys("Marta");
        visitor.findElement(By.id("conversa-email")).sendKeys("marta@example.com");
        visitor.findElement(By.id("conversa-start")).click();
        waitFor(visitor, By.id("conversa-input")).sendKeys("¿Tenéis la talla 39?");
        visitor.findElement(By.id("conversa-send")).click();
        until(visitor, () -> texts(visitor, "#conversa-messages li.in").contains("¿Tenéis la talla 39?"));

        long conversation = awaitConversation(admin);

        // The agent signs in to the console and opens the conversation; the visitor's next message appears live.
        agent.get("http://localhost:" + port + "/login");
        waitFor(agent, By.id("username")).sendKeys("admin@" + ws.slug() + ".test");
        agent.findElement(By.id("password")).sendKeys("correct-horse-battery");
        agent.findElement(By.cssSelector("button[type=submit]")).click();
        until(agent, () -> !agent.getCurrentUrl().contains("/login"));
        agent.get("http://localhost:" + port + "/conversations/" + conversation);
        until(agent, () -> waitFor(agent, By.id("thread")).getText().contains("¿Tenéis la talla 39?"));
        Thread.sleep(1000); // let the console's live connection settle
        visitor.findElement(By.id("conversa-input")).sendKeys("¿Y en azul?");
        visitor.findElement(By.id("conversa-send")).click();
        until(agent, () -> agent.findElement(By.id("thread")).getText().contains("¿Y en azul?"));

        // The agent replies; the visitor sees it without reloading.
        agent.findElement(By.id("reply-body")).sendKeys("Sí, en azul y en negro.");
        agent.findElement(By.id("reply-send")).click();
        until(visitor, () -> texts(visitor, "#conversa-messages li.out").contains("Sí, en azul y en negro."));

        // A reload keeps the transcript (and the open panel).
        visitor.navigate().refresh();
        until(visitor, () -> texts(visitor, "#conversa-messages li").size() == 3);
        assertThat(texts(visitor, "#conversa-messages li"))
                .containsExactly("¿Tenéis la talla 39?", "¿Y en azul?", "Sí, en azul y en negro.");
        assertThat(visitor.findElement(By.id("conversa-widget")).getAttribute("class")).contains("open");

        // The agent sees the visitor's page trail in the customer panel's data.
        long customer = admin.get("/api/v1/conversations/" + conversation).json().get("customerId").asLong();
        JsonNode views = admin.get("/api/v1/customers/" + customer + "/page-views").json();
        assertThat(views.size()).isGreaterThanOrEqualTo(2);
        assertThat(views.get(0).get("url").asString()).isEqualTo(shop);
        assertThat(views.get(0).get("title").asString()).isEqualTo("Zapatillas trail — Acme");
    }

    private static long awaitConversation(Api admin) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode list = admin.get("/api/v1/conversations?channel=WEBCHAT").json();
            if (list.get("total").asLong() == 1) {
                return list.get("items").get(0).get("id").asLong();
            }
        }
        throw new AssertionError("no webchat conversation");
    }

    private static WebElement waitFor(WebDriver driver, By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            var found = d.findElements(by);
            return found.isEmpty() || !found.getFirst().isDisplayed() ? null : found.getFirst();
        });
    }

    private static void until(WebDriver driver, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(RuntimeException.class).until(d -> condition.getAsBoolean());
    }

    private static List<String> texts(WebDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
