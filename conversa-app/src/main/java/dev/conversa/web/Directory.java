package dev.conversa.web;

import dev.conversa.channel.Inbox;
import dev.conversa.workspace.Team;
import dev.conversa.workspace.UserAccount;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The names a console page shows next to ids: agents, teams and inboxes of the workspace. {@code users} are the
 * people (who can be assigned); {@code services} the identities of API tokens, which only author things.
 */
public record Directory(List<UserAccount> users, List<Team> teams, List<Inbox> inboxes, List<Long> myTeams,
                        List<UserAccount> services) {

    Map<Long, UserAccount> usersById() {
        return users.stream().collect(Collectors.toMap(UserAccount::id, Function.identity()));
    }

    public String userName(Long id) {
        if (id == null) {
            return null;
        }
        return java.util.stream.Stream.concat(users.stream(), services.stream()).filter(u -> u.id() == id)
                .map(UserAccount::name).findFirst().orElse("#" + id);
    }

    public String teamName(Long id) {
        if (id == null) {
            return null;
        }
        return teams.stream().filter(t -> t.id() == id).map(Team::name).findFirst().orElse("#" + id);
    }

    public String inboxName(long id) {
        return inboxes.stream().filter(i -> i.id() == id).map(Inbox::name).findFirst().orElse("#" + id);
    }
}
