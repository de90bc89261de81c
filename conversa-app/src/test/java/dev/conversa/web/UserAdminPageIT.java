package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.conversa.support.ConversaIT;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Admin → People in Chromium: an admin invites a person by email, the invitation arrives at a real SMTP server
 * (GreenMail), the invitee opens its link in another browser (in Spanish), chooses a password and signs in with it;
 * the link then answers 410, as does an expired one. The admin changes the role, deactivates (who then cannot sign
 * in) and reactivates, sends a reset link; the API shows the same people and the audit log each change. Agents get
 * 403 and see no link. A new link replaces an unused one; an admin cannot deactivate or demote themselves.
 */
@ConversaIT
class UserAdminPageIT {
    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/account/password/[A-Za-z0-9_-]+");
    static GreenMail smtp;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("conversa.mail.from", () -> "conversa@people.test");
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private static String linkMailedTo(String email, int nth) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(email).length >= nth);
        try {
            MimeMessage mail = mailsTo(email)[nth - 1];
            assertThat(mail.getFrom()[0].toString()).isEqualTo("conversa@people.test");
            Matcher m = LINK.matcher((String) mail.getContent());
            assertThat(m.find()).as("a link in the mail").isTrue();
            return m.group();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static MimeMessage[] mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (Exception e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }

    @Test
    void anInvitedPersonSetsTheirPasswordThroughTheMailedLinkAndSignsIn() throws Exception {
        var fx = new ConsoleFixture(port, "People page");
        String invitee = "nueva@" + fx.workspace.slug() + ".test";
        String link;
        try (Browser admin = Browser.open(port, "en")) {
            admin.login(fx.adminEmail, ConsoleFixture.PASSWORD);
            admin.waitFor(By.cssSelector("a.nav-users")).click();
            assertThat(admin.waitForText(By.tagName("h1"), "People")).isEqualTo("People");
            // the admin cannot deactivate themselves (the workspace could be left without an admin)
            assertThat(admin.driver.findElement(By.id("user-" + fx.workspace.adminId())).findElements(By.cssSelector("button.deactivate"))).isEmpty();

            // the browser's own checks are bypassed to see the server's answer next to the field
            admin.driver.executeScript("var e = document.getElementById('invite-email'); e.removeAttribute('required');"
                    + " e.type = 'text'; e.value = 'not-an-address'; document.getElementById('invite-name').value = 'Nadia';");
            admin.driver.findElement(By.cssSelector("#invite-form button[type=submit]")).click();
            assertThat(admin.waitForText(By.id("email-error"), "a valid email address is required")).isEqualTo("a valid email address is required");
            assertThat(admin.driver.findElement(By.id("invite-email")).getAttribute("aria-describedby")).isEqualTo("email-error");
            assertThat(admin.driver.findElement(By.id("invite-name")).getAttribute("value")).isEqualTo("Nadia");

            var email = admin.driver.findElement(By.id("invite-email"));
            email.clear();
            email.sendKeys(invitee);
            new Select(admin.driver.findElement(By.id("invite-role"))).selectByValue("SUPERVISOR");
            admin.driver.findElement(By.cssSelector("#invite-form button[type=submit]")).click();
            assertThat(admin.waitForText(By.id("link-notice"), "Invitation sent to " + invitee + ".")).isEqualTo("Invitation sent to " + invitee + ".");
            assertThat(admin.driver.findElements(By.id("issued-link"))).as("mailed, so not shown").isEmpty();
            link = linkMailedTo(invitee, 1);
            assertThat(link).startsWith(admin.base + "/account/password/");
            assertThat(admin.driver.getPageSource()).doesNotContain(link.substring(link.lastIndexOf('/') + 1));

            var person = fx.admin.get("/api/v1/users").json().get("items").valueStream()
                    .filter(u -> u.get("email").asString().equals(invitee)).findFirst().orElseThrow();
            assertThat(person.get("name").asString()).isEqualTo("Nadia");
            assertThat(person.get("role").asString()).isEqualTo("SUPERVISOR");
            long id = person.get("id").asLong();
            assertThat(admin.driver.findElement(By.cssSelector("#user-" + id + " .state")).getText())
                    .isEqualTo("invited, no password yet");
            // only the hash is stored
            assertThat(jdbc.sql("SELECT token_hash FROM password_link WHERE user_id = ?").param(id).query(String.class).single())
                    .hasSize(64).isNotEqualTo(link.substring(link.lastIndexOf('/') + 1));

            try (Browser invited = Browser.open(port, "es")) {
                invited.driver.get(link);
                assertThat(invited.waitFor(By.id("link-welcome")).getText()).contains("Nadia");
                invited.driver.findElement(By.id("password")).sendKeys("una-clave-larga-1");
                invited.driver.findElement(By.id("confirm")).sendKeys("otra-clave-larga-2");
                invited.driver.findElement(By.cssSelector("form button[type=submit]")).click();
                assertThat(invited.waitForText(By.id("confirm-error"), "Las dos contraseñas no coinciden.")).isEqualTo("Las dos contraseñas no coinciden.");
                invited.driver.findElement(By.id("password")).sendKeys("una-clave-larga-1");
                invited.driver.findElement(By.id("confirm")).sendKeys("una-clave-larga-1");
                invited.driver.findElement(By.cssSelector("form button[type=submit]")).click();
                assertThat(invited.waitForText(By.id("password-set"), "Contraseña guardada: entra con ella.")).isEqualTo("Contraseña guardada: entra con ella.");
                invited.login(invitee, "una-clave-larga-1");
                // a supervisor: reports and listening, no admin pages
                assertThat(invited.driver.findElement(By.cssSelector("a.nav-listening")).getText()).isEqualTo("Escucha");
                assertThat(invited.driver.findElements(By.cssSelector("a.nav-reports"))).hasSize(1);
                assertThat(invited.driver.findElements(By.cssSelector("a.nav-users"))).isEmpty();

                // the link works once
                invited.driver.get(link);
                assertThat(invited.waitFor(By.id("link-gone")).getText()).contains("ya se usó");
            }
            assertThat(ConsoleSession.login(port, fx.adminEmail).get(link.substring(admin.base.length())).status()).isEqualTo(410);

            admin.driver.navigate().refresh();
            assertThat(admin.waitForText(By.cssSelector("#user-" + id + " .state"), "active")).isEqualTo("active");
            var nadia = ConsoleSession.login(port, invitee, "una-clave-larga-1", "en");
            assertThat(nadia.get("/reports").status()).isEqualTo(200);
            new Select(admin.driver.findElement(By.id("role-" + id))).selectByValue("AGENT");
            admin.driver.findElement(By.cssSelector("#user-" + id + " button.save-role")).click();
            admin.wait(10).until(d -> new Select(d.findElement(By.id("role-" + id))).getFirstSelectedOption()
                    .getAttribute("value").equals("AGENT"));
            assertThat(fx.admin.get("/api/v1/users/" + id).json().get("role").asString()).isEqualTo("AGENT");
            // a session keeps the role it signed in with: changing the role ends it
            assertThat(nadia.get("/reports").status()).as("signed out").isEqualTo(302);
            nadia = ConsoleSession.login(port, invitee, "una-clave-larga-1", "en");
            assertThat(nadia.get("/reports").status()).isEqualTo(403);

            admin.driver.findElement(By.cssSelector("#user-" + id + " button.deactivate")).click();
            assertThat(admin.waitForText(By.cssSelector("#user-" + id + " .state"), "deactivated")).isEqualTo("deactivated");
            assertThat(fx.admin.get("/api/v1/users/" + id).json().get("active").asBoolean()).isFalse();
            assertThat(signsIn(invitee, "una-clave-larga-1")).as("a deactivated person cannot sign in").isFalse();
            assertThat(nadia.get("/inbox").status()).as("and is signed out").isEqualTo(302);
            admin.driver.findElement(By.cssSelector("#user-" + id + " button.reactivate")).click();
            assertThat(admin.waitForText(By.cssSelector("#user-" + id + " .state"), "active")).isEqualTo("active");
            assertThat(signsIn(invitee, "una-clave-larga-1")).isTrue();

            admin.driver.findElement(By.cssSelector("#user-" + id + " button.reset")).click();
            assertThat(admin.waitForText(By.id("link-notice"), "Password reset link sent to " + invitee + ".")).isEqualTo("Password reset link sent to " + invitee + ".");
            String reset = linkMailedTo(invitee, 2);
            assertThat(reset).isNotEqualTo(link);
            var session = ConsoleSession.anonymous(port);
            assertThat(session.get(reset.substring(admin.base.length())).body()).contains("Choose a new password");
            assertThat(session.post(reset.substring(admin.base.length()), "password", "short", "confirm", "short").body())
                    .contains("id=\"password-error\"").contains("The password needs at least 10 characters.");
            assertThat(session.post(reset.substring(admin.base.length()), "password", "nueva-clave-larga",
                    "confirm", "nueva-clave-larga").status()).isEqualTo(302);
            assertThat(signsIn(invitee, "una-clave-larga-1")).isFalse();
            assertThat(signsIn(invitee, "nueva-clave-larga")).isTrue();

            var audit = fx.admin.get("/api/v1/audit?subjectType=user&subjectId=" + id + "&size=50").json().get("items")
                    .valueStream().map(a -> a.get("action").asString() + " " + a.get("details").asString()).toList();
            assertThat(audit).contains("user.created " + invitee + " as SUPERVISOR", "user.updated invitation link sent",
                    "user.updated password set through invitation link", "user.updated role SUPERVISOR->AGENT",
                    "user.updated deactivated", "user.updated activated", "user.updated password reset link sent",
                    "user.updated password set through reset link");
        }

        String agentEmail = "agente.people@" + fx.workspace.slug() + ".test";
        fx.user(agentEmail, "Pablo Agente", "AGENT");
        var agent = ConsoleSession.login(port, agentEmail);
        assertThat(agent.get("/inbox").body()).doesNotContain("nav-users").contains("class=\"nav-listening\"");
        assertThat(agent.get("/admin/users").status()).isEqualTo(403);
    }

    @Test
    void anExpiredLinkIsRefused() {
        var fx = new ConsoleFixture(port, "People expiry");
        String invitee = "tarde@" + fx.workspace.slug() + ".test";
        var admin = ConsoleSession.login(port, fx.adminEmail);
        assertThat(admin.post("/admin/users", "email", invitee, "name", "Tardía", "role", "AGENT").status()).isEqualTo(302);
        String link = linkMailedTo(invitee, 1);
        String path = link.substring(link.indexOf("/account/"));
        assertThat(ConsoleSession.anonymous(port).get(path).status()).isEqualTo(200);
        jdbc.sql("UPDATE password_link SET expires_at = ? WHERE workspace_id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), fx.workspace.id()).update();
        var anonymous = ConsoleSession.anonymous(port);
        assertThat(anonymous.get(path).status()).isEqualTo(410);
        assertThat(anonymous.post(path, "password", "clave-muy-larga", "confirm", "clave-muy-larga").status()).isEqualTo(410);
        assertThat(signsIn(invitee, "clave-muy-larga")).isFalse();
        // the same address twice is refused next to the field
        var again = admin.post("/admin/users", "email", invitee, "name", "Otra", "role", "AGENT");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"email-error\"");

        // a new link replaces the unused one; a deactivated person's link does not open
        String rosaEmail = "rosa@" + fx.workspace.slug() + ".test";
        long rosa = fx.user(rosaEmail, "Rosa", "AGENT");
        assertThat(admin.post("/admin/users/" + rosa + "/reset").status()).isEqualTo(302);
        String first = linkMailedTo(rosaEmail, 1);
        assertThat(admin.post("/admin/users/" + rosa + "/reset").status()).isEqualTo(302);
        String second = linkMailedTo(rosaEmail, 2);
        assertThat(anonymous.get(first.substring(first.indexOf("/account/"))).status()).isEqualTo(410);
        assertThat(anonymous.get(second.substring(second.indexOf("/account/"))).status()).isEqualTo(200);
        assertThat(admin.post("/admin/users/" + rosa + "/active", "active", "false").status()).isEqualTo(302);
        assertThat(anonymous.get(second.substring(second.indexOf("/account/"))).status()).isEqualTo(410);

        // an admin cannot lock themselves out: their own deactivation or demotion is refused, and said so on the page
        long me = fx.workspace.adminId();
        admin = ConsoleSession.login(port, fx.adminEmail); // a fresh session: none of the notices above still queued
        assertThat(admin.post("/admin/users/" + me + "/active", "active", "false").status()).isEqualTo(302);
        assertThat(admin.get("/admin/users").body()).contains("id=\"row-error\"").contains("you cannot deactivate yourself");
        assertThat(admin.post("/admin/users/" + me + "/role", "role", "AGENT").status()).isEqualTo(302);
        assertThat(admin.get("/admin/users").body()).contains("you cannot take away your own admin role");
        var self = fx.admin.get("/api/v1/users/" + me).json();
        assertThat(self.get("active").asBoolean()).isTrue();
        assertThat(self.get("role").asString()).isEqualTo("ADMIN");
    }

    private boolean signsIn(String email, String password) {
        try {
            ConsoleSession.login(port, email, password, "en");
            return true;
        } catch (AssertionError refused) {
            return false;
        }
    }
}
