package dev.conversa.web;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for the console's browser tests. Tests that use it are skipped (not failed) where
 * {@code chromedriver} is not installed, so a fresh clone without Chromium still builds.
 */
final class Browser implements AutoCloseable {
    static final String DRIVER = System.getProperty("conversa.chromedriver", "/usr/bin/chromedriver");
    static final String CHROMIUM = System.getProperty("conversa.chromium", "/usr/bin/chromium");

    final ChromeDriver driver;
    final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static void assumeAvailable() {
        Assumptions.assumeTrue(new File(DRIVER).canExecute() && new File(CHROMIUM).canExecute(),
                "chromium and chromedriver are not installed; skipping browser tests");
    }

    static Browser open(int port, String language) {
        assumeAvailable();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,720", "--lang=" + language, "--force-device-scale-factor=1");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new Browser(driver, "http://localhost:" + port);
    }

    Browser login(String email, String password) {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.id("inbox-filters"));
        waitUntilLive();
        return this;
    }

    void waitUntilLive() {
        wait(10).until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "online"));
    }

    WebDriverWait wait(int seconds) {
        // htmx swaps fragments (live updates included) between a find and a read: look again instead of failing.
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    WebElement waitFor(By by) {
        return wait(10).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits until the element's text is the expected one and returns the text it last showed. After a click the
     * element found first may be the one htmx is about to replace, so read it again until the swap has happened.
     */
    String waitForText(By by, String expected) {
        String[] last = {null};
        try {
            wait(10).until(d -> {
                last[0] = d.findElement(by).getText();
                return expected.equals(last[0]);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            // the caller's assertion reports what was shown instead
        }
        return last[0];
    }

    List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#inbox-rows .row"));
    }

    By row(long conversationId) {
        return By.id("row-" + conversationId);
    }

    /** Opens a conversation from the inbox list and waits until its detail pane shows. */
    void openConversation(long id) {
        waitFor(row(id)).findElement(By.cssSelector("a.open")).click();
        waitFor(By.cssSelector("#detail .detail[data-conversation='" + id + "']"));
        waitFor(By.id("reply-body"));
    }

    /** Waits until htmx has no request in flight. */
    void settle() {
        wait(10).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return document.querySelectorAll('.htmx-request').length === 0")));
    }

    @Override
    public void close() {
        driver.quit();
    }

}
