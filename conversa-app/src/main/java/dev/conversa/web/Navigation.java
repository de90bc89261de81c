package dev.conversa.web;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Role;
import dev.conversa.workspace.CurrentActor;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The links of the layout's navigation ({@code templates/layout.html}), for whoever is signed in: each role sees
 * only the pages it may open, so a link never leads to a 403. The templates of every module read it as
 * {@code ${@navigation.links()}}, which needs no model attribute from their controllers.
 */
@Component("navigation")
public class Navigation {

    /**
     * One link: {@code id} names its CSS class ({@code nav-<id>}), {@code key} its text in the message bundles.
     */
    public record Link(String id, String href, String key) {
    }

    private record Entry(Link link, Role needs) {
    }

    private static final List<Entry> WORKSPACE = List.of(
            new Entry(new Link("inbox", "/inbox", "nav.inbox"), Role.AGENT),
            new Entry(new Link("listening", "/listening", "nav.listening"), Role.AGENT),
            new Entry(new Link("reports", "/reports", "nav.reports"), Role.SUPERVISOR),
            new Entry(new Link("wallboard", "/wallboard", "nav.wallboard"), Role.SUPERVISOR),
            new Entry(new Link("users", "/admin/users", "nav.users"), Role.ADMIN),
            new Entry(new Link("teams", "/admin/teams", "nav.teams"), Role.ADMIN),
            new Entry(new Link("inboxes", "/admin/inboxes", "nav.inboxes"), Role.ADMIN),
            new Entry(new Link("canned", "/admin/canned", "nav.canned"), Role.ADMIN),
            new Entry(new Link("tokens", "/admin/tokens", "nav.tokens"), Role.ADMIN),
            new Entry(new Link("audit", "/admin/audit", "nav.audit"), Role.ADMIN));

    private static final List<Link> INSTALLATION = List.of(new Link("workspaces", "/", "nav.workspaces"));

    /** The links the current request's actor may follow; none when nobody is signed in. */
    public List<Link> links() {
        return CurrentActor.get().map(Navigation::links).orElse(List.of());
    }

    static List<Link> links(Actor actor) {
        if (actor.role() == Role.INSTALLATION_ADMIN) {
            return INSTALLATION;
        }
        return WORKSPACE.stream().filter(e -> actor.can(e.needs())).map(Entry::link).toList();
    }

    /** The signed-in person's name, or {@code null}. */
    public String me() {
        return CurrentActor.get().map(Actor::name).orElse(null);
    }
}
