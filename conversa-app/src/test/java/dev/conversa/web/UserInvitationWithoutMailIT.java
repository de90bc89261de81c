package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.ConversaIT;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * When the invitation cannot be mailed, Admin → People shows its link once instead: without an SMTP server
 * configured (the tests' default), and when the configured server cannot be reached. The shown link works.
 */
class UserInvitationWithoutMailIT {
    private static final Pattern LINK = Pattern.compile("id=\"issued-link\">(http://localhost:\\d+(/account/password/[A-Za-z0-9_-]+))<");

    /** Invites a person, reads the link off the page, and checks that it opens the password form. */
    static String invite(int port, String tag) {
        var fx = new ConsoleFixture(port, "No mail " + tag);
        var admin = ConsoleSession.login(port, fx.adminEmail);
        String email = "sin-correo@" + fx.workspace.slug() + ".test";
        assertThat(admin.post("/admin/users", "email", email, "name", "Sin Correo", "role", "AGENT").status()).isEqualTo(302);
        String page = admin.get("/admin/users").body();
        Matcher m = LINK.matcher(page);
        assertThat(m.find()).as("the link is shown").isTrue();
        assertThat(ConsoleSession.anonymous(port).get(m.group(2)).body()).contains("Welcome, Sin Correo");
        assertThat(admin.get("/admin/users").body()).as("shown once").doesNotContain(m.group(2));
        return page;
    }

    @Nested
    @ConversaIT
    class WithoutAnSmtpServer {
        @LocalServerPort
        int port;

        @Test
        void theLinkIsShownToTheAdmin() {
            assertThat(invite(port, "configured")).contains("No mail server is configured: give this link to sin-correo@");
        }
    }

    @Nested
    @ConversaIT
    class WhenTheServerCannotBeReached {
        @DynamicPropertySource
        static void unreachable(DynamicPropertyRegistry registry) throws IOException {
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            int port = closed;
            registry.add("spring.mail.host", () -> "localhost");
            registry.add("spring.mail.port", () -> port);
        }

        @LocalServerPort
        int port;

        @Test
        void theLinkIsShownWithTheReason() {
            assertThat(invite(port, "unreachable")).contains("could not be sent").contains("give this link to the person yourself");
        }
    }
}
