package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Role;
import org.junit.jupiter.api.Test;

/** Each role sees the pages it may open, and no others; everyone in a workspace sees Listening. */
class NavigationTest {

    private static java.util.List<String> ids(Role role) {
        return Navigation.links(new Actor(1L, role == Role.INSTALLATION_ADMIN ? null : 1L, role, "x", null)).stream()
                .map(Navigation.Link::id).toList();
    }

    @Test
    void linksFollowTheRole() {
        assertThat(ids(Role.AGENT)).containsExactly("inbox", "listening");
        assertThat(ids(Role.SUPERVISOR)).containsExactly("inbox", "listening", "reports", "wallboard");
        assertThat(ids(Role.ADMIN)).startsWith("inbox", "listening", "reports", "wallboard")
                .contains("users", "teams", "inboxes", "canned", "tokens", "audit");
        assertThat(ids(Role.INSTALLATION_ADMIN)).containsExactly("workspaces");
    }
}
