package dev.conversa.web;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.InboxService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Paging;
import dev.conversa.workspace.TeamService;
import dev.conversa.workspace.UserService;
import dev.conversa.workspace.WorkspaceService;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every console page needs: the workspace, the directory of names, and channel capabilities. */
@Component
class ConsoleSupport {
    /** Until every adapter is registered, these channels are known to carry public posts as well as private messages. */
    private static final Set<ChannelType> PUBLIC_AND_PRIVATE = Set.of(ChannelType.TWITTER, ChannelType.FACEBOOK,
            ChannelType.INSTAGRAM, ChannelType.MASTODON, ChannelType.API);

    private final WorkspaceService workspaces;
    private final UserService users;
    private final TeamService teams;
    private final InboxService inboxes;
    private final List<ChannelAdapter> adapters;

    ConsoleSupport(WorkspaceService workspaces, UserService users, TeamService teams, InboxService inboxes,
                   List<ChannelAdapter> adapters) {
        this.workspaces = workspaces;
        this.users = users;
        this.teams = teams;
        this.inboxes = inboxes;
        this.adapters = adapters;
    }

    Directory directory(Actor actor) {
        return new Directory(users.list(actor, null, new Paging(0, Paging.MAX_SIZE)).items(), teams.list(actor),
                inboxes.list(actor), myTeams(actor), users.services(actor.workspace()));
    }

    List<Long> myTeams(Actor actor) {
        return actor.userId() == null ? List.of() : teams.teamsOf(actor.workspace(), actor.userId());
    }

    /** Whether replies on this channel can be public as well as private (a public complaint continues privately). */
    boolean hasPublicAndPrivate(ChannelType channel) {
        return capabilities(channel).map(c -> c.publicReplies() && c.privateReplies())
                .orElse(PUBLIC_AND_PRIVATE.contains(channel));
    }

    boolean publicOnly(ChannelType channel) {
        return capabilities(channel).map(c -> c.publicReplies() && !c.privateReplies()).orElse(false);
    }

    /** How long after the customer's last message a free-form reply is allowed; {@code null} when unlimited. */
    Duration replyWindow(ChannelType channel) {
        return capabilities(channel).map(ChannelCapabilities::replyWindow).orElse(null);
    }

    private Optional<ChannelCapabilities> capabilities(ChannelType channel) {
        return adapters.stream().filter(a -> a.type() == channel).findFirst().map(ChannelAdapter::capabilities);
    }

    String timeZone(Actor actor) {
        return workspaces.get(actor.workspace(), actor).timeZone();
    }

    void addCommon(Model model, Actor actor, Directory directory) {
        model.addAttribute("actor", actor);
        model.addAttribute("workspace", workspaces.get(actor.workspace(), actor));
        model.addAttribute("dir", directory);
    }
}
