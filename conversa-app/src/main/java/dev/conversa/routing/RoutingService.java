package dev.conversa.routing;

import dev.conversa.kernel.Media;
import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationFilter;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.ConversationStatus;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import dev.conversa.workspace.TeamService;
import dev.conversa.workspace.UserService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Routing configuration, the decision log, and the explanation of why a conversation still waits. */
@Service
public class RoutingService {
    private final RoutingStore store;
    private final RoutingRunner runner;
    private final ConversationService conversations;
    private final UserService users;
    private final TeamService teams;
    private final Clock clock;

    RoutingService(RoutingStore store, RoutingRunner runner, ConversationService conversations, UserService users,
                   TeamService teams, ObjectProvider<Clock> clock) {
        this.store = store;
        this.runner = runner;
        this.conversations = conversations;
        this.users = users;
        this.teams = teams;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Turns automatic routing on (or changes it) for the workspace; waiting conversations are placed at once. */
    @Transactional
    public RoutingSettings configure(RoutingSettings settings, Actor actor) {
        actor.require(Role.ADMIN);
        if (settings.model() == null || settings.strategy() == null) {
            throw new InvalidInputException("model", "model and strategy are required");
        }
        requireTeam("callTeamId", settings.callTeamId(), actor);
        requireTeam("chatTeamId", settings.chatTeamId(), actor);
        requireTeam("socialTeamId", settings.socialTeamId(), actor);
        requireTeam("emailTeamId", settings.emailTeamId(), actor);
        requireTeam("overflowTeamId", settings.overflowTeamId(), actor);
        store.saveSettings(actor.workspace(), settings);
        runner.reconcile(actor.workspace(), null);
        return store.settings(actor.workspace()).orElseThrow();
    }

    private void requireTeam(String field, Long teamId, Actor actor) {
        if (teamId != null && teams.find(actor.workspace(), teamId).isEmpty()) {
            throw new InvalidInputException(field, "no team " + teamId + " in this workspace");
        }
    }

    public RoutingSettings settings(Actor actor) {
        return store.settings(actor.workspace()).orElseThrow(() -> new NotFoundException("routing settings", actor.workspace()));
    }

    @Transactional
    public AgentRouting setAgent(long userId, Map<String, Integer> skills, Map<Media, Integer> capacity, Actor actor) {
        actor.require(Role.SUPERVISOR);
        if (!users.get(userId, actor).person()) {
            throw new NotFoundException("agent", userId);
        }
        for (var e : skills.entrySet()) {
            if (e.getValue() == null || e.getValue() < 1 || e.getValue() > 5 || e.getKey().isBlank() || e.getKey().contains(",")
                    || e.getKey().contains("=")) {
                throw new InvalidInputException("skills", "skills are names with levels 1 to 5");
            }
        }
        for (Integer c : capacity.values()) {
            if (c == null || c < 0 || c > 100) {
                throw new InvalidInputException("capacity", "capacity is 0 to 100 per media");
            }
        }
        AgentRouting a = new AgentRouting(userId, Map.copyOf(skills), Map.copyOf(capacity));
        store.saveAgent(actor.workspace(), a);
        runner.reconcile(actor.workspace(), null);
        return a;
    }

    public List<AgentRouting> agents(Actor actor) {
        return store.agents(actor.workspace());
    }

    @Transactional
    public SkillRule addRule(SkillRule rule, Actor actor) {
        actor.require(Role.ADMIN);
        if (rule.skill() == null || rule.skill().isBlank()) {
            throw new InvalidInputException("skill", "skill is required");
        }
        long id = store.addRule(actor.workspace(), rule);
        return store.rules(actor.workspace()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    public List<SkillRule> rules(Actor actor) {
        return store.rules(actor.workspace());
    }

    @Transactional
    public void deleteRule(long id, Actor actor) {
        actor.require(Role.ADMIN);
        if (store.deleteRule(actor.workspace(), id) == 0) {
            throw new NotFoundException("skill rule", id);
        }
    }

    /** Every routing decision on a conversation, oldest first, each with its explanation. */
    public List<DecisionLog> decisions(long conversationId, Actor actor) {
        conversations.get(conversationId, actor);
        return store.decisions(actor.workspace(), conversationId);
    }

    /** Why a conversation is where it is: its holder's last decision, or why it still waits. */
    public String explain(long conversationId, Actor actor) {
        Conversation c = conversations.get(conversationId, actor);
        if (c.assigneeId() != null) {
            List<DecisionLog> log = store.decisions(actor.workspace(), conversationId);
            return log.isEmpty() ? "assigned outside routing" : log.get(log.size() - 1).explanation();
        }
        if (store.settings(actor.workspace()).isEmpty()) {
            return "routing is off in this workspace";
        }
        return runner.explainWaiting(actor.workspace(), conversationId, clock.instant());
    }

    /** Unassigned open conversations in routing order (priority, then age). */
    public List<Conversation> queue(Actor actor) {
        return conversations.list(new ConversationFilter(List.of(ConversationStatus.OPEN), null, null, null, true, null, null,
                null, null, ConversationFilter.Sort.PRIORITY), new Paging(0, Paging.MAX_SIZE), actor).items();
    }
}
