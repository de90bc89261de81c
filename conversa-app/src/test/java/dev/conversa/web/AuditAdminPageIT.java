package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.ConversaIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Admin → Audit log in Chromium: an admin filters the log by action and by object, sees the entries the API shows for
 * the same filters, and nothing of another workspace; supervisors and agents get 403 and see no link.
 */
@ConversaIT
class AuditAdminPageIT {
    @LocalServerPort
    int port;

    @Test
    void anAdminFiltersTheAuditLog() {
        var fx = new ConsoleFixture(port, "Audit page");
        long ana = fx.user("ana@" + fx.workspace.slug() + ".test", "Ana Agente", "AGENT");
        assertThat(fx.admin.patch("/api/v1/users/" + ana, "{\"role\":\"SUPERVISOR\"}").status()).isEqualTo(200);
        var other = new ConsoleFixture(port, "Audit elsewhere");
        long elsewhere = other.user("eva@" + other.workspace.slug() + ".test", "Eva Otra", "AGENT");

        var api = fx.admin.get("/api/v1/audit?subjectType=user&subjectId=" + ana).json().get("items");
        assertThat(api.valueStream().map(e -> e.get("action").asString()).toList()).contains("user.created", "user.updated");
        try (Browser b = Browser.open(port, "en")) {
            b.login(fx.adminEmail, ConsoleFixture.PASSWORD);
            b.waitFor(By.cssSelector("a.nav-audit")).click();
            assertThat(b.waitForText(By.tagName("h1"), "Audit log")).isEqualTo("Audit log");

            new Select(b.driver.findElement(By.id("audit-subject-type"))).selectByValue("user");
            b.driver.findElement(By.id("audit-subject-id")).sendKeys(String.valueOf(ana));
            b.driver.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
            b.wait(10).until(d -> d.getCurrentUrl().contains("subjectId=" + ana));
            var rows = b.driver.findElements(By.cssSelector("#audit-table tbody tr"));
            assertThat(rows).extracting(r -> r.getAttribute("id"))
                    .containsExactlyElementsOf(api.valueStream().map(e -> "audit-" + e.get("id").asLong()).toList());
            assertThat(b.driver.findElement(By.id("audit-table")).getText())
                    .contains("user.updated", "role AGENT->SUPERVISOR", "user.created");

            new Select(b.driver.findElement(By.id("audit-action"))).selectByValue("user.updated");
            b.driver.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
            b.wait(10).until(d -> d.getCurrentUrl().contains("action=user.updated"));
            assertThat(b.driver.findElements(By.cssSelector("#audit-table td.action"))).isNotEmpty()
                    .allSatisfy(td -> assertThat(td.getText()).isEqualTo("user.updated"));

            b.driver.get(b.base + "/admin/audit?subjectType=user&subjectId=" + elsewhere);
            assertThat(b.waitForText(By.id("audit-total"), "0 entries")).isEqualTo("0 entries");
        }

        // Ana is a supervisor now: the audit page is for admins
        var supervisor = ConsoleSession.login(port, "ana@" + fx.workspace.slug() + ".test");
        assertThat(supervisor.get("/inbox").body()).doesNotContain("nav-audit");
        assertThat(supervisor.get("/admin/audit").status()).isEqualTo(403);
        fx.user("pablo@" + fx.workspace.slug() + ".test", "Pablo Agente", "AGENT");
        assertThat(ConsoleSession.login(port, "pablo@" + fx.workspace.slug() + ".test").get("/admin/audit").status())
                .isEqualTo(403);
    }
}
