package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.conversation.MessageHtml;
import dev.conversa.support.ConversaIT;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium: an HTML email shows its formatting but none of its scripts, handlers, styles or remote images; and
 * the console (thread and customer panel) never scrolls sideways at 1280x720 or on a tablet either way round.
 */
@ConversaIT
class ConsoleEmailAndLayoutIT {
    static final String MALICIOUS = """
            <html><head><style>body{display:none}</style><script>alert('head')</script></head>
            <body onload="alert('onload')"><p>Hello <b id="bold">bold</b> and <i>italic</i></p>
            <ul><li>first</li><li>second</li></ul>
            <script>alert(1)</script><img src="https://tracker.example/pixel.gif" onerror="alert(2)">
            <a href="javascript:alert(3)" onclick="alert(4)">bad link</a> <a href="https://example.com/help">good link</a>
            <div style="position:fixed;inset:0;background:red" onmouseover="alert(5)">overlay</div>
            <iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="pw"></form>
            <svg onload="alert(6)"></svg></body></html>""";

    /** The elements sticking out on the right, for the failure message. */
    static final String WIDEST = """
            return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .slice(-5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')""";

    @LocalServerPort
    int port;
    @Autowired
    MessageHtml html;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeAvailable();
    }

    @Test
    void anHtmlEmailShowsItsFormattingButRunsNoScript() {
        var fx = new ConsoleFixture(port, "Html mail");
        long inbox = fx.inbox("Mail", "API");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long id = fx.inbound(inbox, "h1-" + tag, "h-" + tag, "mallory-" + tag, "Mallory", "Hello bold and italic (text version)");
        long plain = fx.inbound(inbox, "h2-" + tag, "h-" + tag, "mallory-" + tag, "Mallory", "<b>not formatted</b>");
        long messageId = fx.messages(id).get(0).get("id").asLong();
        // What the email channel stores for an HTML mail (EmailIngest → MessageHtml), here with a hostile body.
        html.store(fx.workspace.id(), messageId, MALICIOUS);
        assertThat(plain).isEqualTo(id);

        try (Browser b = Browser.open(port, "en")) {
            b.login(fx.adminEmail, ConsoleFixture.PASSWORD);
            b.openConversation(id);
            b.settle();
            var formatted = b.driver.findElement(By.cssSelector("#thread .body.formatted"));
            assertThat(formatted.findElement(By.tagName("b")).getText()).isEqualTo("bold");
            assertThat(formatted.findElement(By.tagName("i")).getText()).isEqualTo("italic");
            assertThat(formatted.findElements(By.tagName("li"))).hasSize(2);
            assertThat(formatted.getText()).contains("overlay").contains("good link");
            assertThat(formatted.findElements(By.cssSelector("script, img, iframe, form, input, svg, style, [style], [onclick], "
                    + "[onerror], [onload], [onmouseover], a[href^='javascript']"))).isEmpty();
            assertThat(formatted.findElement(By.cssSelector("a[href='https://example.com/help']")).getAttribute("rel")).contains("nofollow");
            // the second message has no HTML version: its tags are text
            var bodies = b.driver.findElements(By.cssSelector("#thread li.msg .body"));
            assertThat(bodies.get(1).getText()).isEqualTo("<b>not formatted</b>");
            assertThat(bodies.get(1).findElements(By.tagName("b"))).isEmpty();
            try {
                b.driver.switchTo().alert();
                throw new AssertionError("a script from an email ran");
            } catch (NoAlertPresentException expected) {
                // nothing ran
            }
            assertThat(b.driver.executeScript("return typeof htmx")).isEqualTo("object");
            assertThat(b.driver.executeScript("return getComputedStyle(document.body).display")).isNotEqualTo("none");
        }
    }

    @Test
    void noHorizontalScrollingOnDesktopOrTablet() throws Exception {
        var fx = new ConsoleFixture(port, "Layout");
        long inbox = fx.inbox("Support with a rather long inbox name for layout checks", "API");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String longWord = "averyveryverylongunbrokenwordthatwouldpushthepanelwideropen";
        long id = fx.inbound(inbox, "l1-" + tag, "l-" + tag, "customer.with.a.very.long.handle." + tag + "@example.com",
                "Maximiliano Alejandro de la Santísima Trinidad " + longWord, "Message with " + longWord.repeat(4) + " in it");
        long customer = fx.conversation(id).get("customerId").asLong();
        fx.admin.patch("/api/v1/customers/" + customer, """
                {"email":"maximiliano.alejandro.de.la.santisima.trinidad.%s@a-very-long-domain-name.example.com",
                 "attributes":{"%s":"%s"}}""".formatted(tag, "plan_with_a_long_name", longWord.repeat(3)));

        int[][] sizes = {{1280, 720}, {1024, 768}, {768, 1024}};
        try (Browser b = Browser.open(port, "en")) {
            b.login(fx.adminEmail, ConsoleFixture.PASSWORD);
            try {
                b.openConversation(id);
            } catch (RuntimeException e) {
                java.nio.file.Files.write(java.nio.file.Path.of("target", "layout-debug.png"),
                        b.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
                java.nio.file.Files.writeString(java.nio.file.Path.of("target", "layout-debug.html"), b.driver.getPageSource());
                throw e;
            }
            b.settle();
            for (int[] size : sizes) {
                b.driver.manage().window().setSize(new Dimension(size[0], size[1]));
                b.wait(15).until(d -> ((Number) b.driver.executeScript("return window.innerWidth")).intValue() <= size[0]);
                long scroll = ((Number) b.driver.executeScript("return document.documentElement.scrollWidth")).longValue();
                long inner = ((Number) b.driver.executeScript("return window.innerWidth")).longValue();
                assertThat(scroll).as("page width at %dx%d; too wide: %s", size[0], size[1], b.driver.executeScript(WIDEST))
                        .isLessThanOrEqualTo(inner);
                long panelScroll = ((Number) b.driver.executeScript("return document.getElementById('customer').scrollWidth")).longValue();
                long panelWidth = ((Number) b.driver.executeScript("return document.getElementById('customer').clientWidth")).longValue();
                assertThat(panelScroll).as("customer panel width at %dx%d", size[0], size[1]).isLessThanOrEqualTo(panelWidth);
                long threadScroll = ((Number) b.driver.executeScript("return document.getElementById('thread').scrollWidth")).longValue();
                long threadWidth = ((Number) b.driver.executeScript("return document.getElementById('thread').clientWidth")).longValue();
                assertThat(threadScroll).as("thread width at %dx%d; too wide: %s", size[0], size[1], b.driver.executeScript(
                        "const t = document.getElementById('thread').getBoundingClientRect().right - 13;"
                                + WIDEST.replace("window.innerWidth", "t"))).isLessThanOrEqualTo(threadWidth);
                assertThat(b.driver.findElement(By.id("customer-name")).isDisplayed()).isTrue();
            }
        }
    }
}
