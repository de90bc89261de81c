package dev.conversa.routing;

import dev.conversa.kernel.ChannelMedia;
import dev.conversa.kernel.Media;
import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationFilter;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.ConversationStatus;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Paging;
import dev.conversa.workspace.TeamService;
import dev.conversa.workspace.UserAccount;
import dev.conversa.workspace.UserService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the engine for one workspace: loads agents, their current load and the waiting conversations from the
 * database, lets the engine decide, and writes the assignments with their explanations. Decisions for one
 * workspace are serialised by {@link RoutingLock}: on this node, and across nodes on PostgreSQL.
 */
@Component
class RoutingRunner {
    private final ChannelMedia media;
    private final RoutingStore store;
    private final ConversationService conversations;
    private final UserService users;
    private final TeamService teams;
    private final Clock clock;
    private final RoutingLock lock;

    RoutingRunner(RoutingStore store, ConversationService conversations, UserService users, TeamService teams,
                  ObjectProvider<Clock> clock, RoutingLock lock, ChannelMedia media) {
        this.lock = lock;
        this.media = media;
        this.store = store;
        this.conversations = conversations;
        this.users = users;
        this.teams = teams;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Places {@code arriving} (if given and waiting) with the engine's strategy, and lets every free agent take
     * what they can from the queue. Decides under the workspace's {@link RoutingLock}.
     */
    void reconcile(long ws, Long arriving) {
        Optional<RoutingSettings> settings = store.settings(ws);
        if (settings.isEmpty()) {
            return;
        }
        lock.serialise(ws, () -> {
            Instant now = clock.instant();
            Loaded loaded = load(ws, settings.get(), arriving);
            List<RoutingDecision> decisions = new ArrayList<>(loaded.engine.tick(now));
            decisions.addAll(loaded.engine.rebalance(now));
            if (loaded.arriving != null) {
                loaded.engine.arrive(loaded.arriving, now).ifPresent(decisions::add);
            }
            for (RoutingDecision d : decisions) {
                Conversation c = loaded.conversations.get(d.conversationId());
                conversations.assign(d.conversationId(), d.agentId(), c.teamId() != null ? c.teamId()
                        : loaded.items.get(d.conversationId()).teamId(), d.explanation(), Actor.system(ws));
                store.log(ws, d.conversationId(), d.agentId(), d.trigger().name(), d.explanation(), now);
            }
        });
    }

    String explainWaiting(long ws, long conversationId, Instant now) {
        RoutingSettings settings = store.settings(ws).orElseThrow();
        return load(ws, settings, null).engine.explainWaiting(conversationId, now);
    }

    private record Loaded(RoutingEngine engine, Map<Long, Conversation> conversations, Map<Long, WorkItem> items,
                          WorkItem arriving) {
    }

    private Loaded load(long ws, RoutingSettings settings, Long arrivingId) {
        Actor system = Actor.system(ws);
        RoutingEngine engine = new RoutingEngine(settings.strategy());
        Set<Long> agentIds = new HashSet<>();
        for (AgentRouting a : store.agents(ws)) {
            Optional<UserAccount> user = users.find(ws, a.userId());
            if (user.isEmpty() || !user.get().active()) {
                continue;
            }
            UserAccount u = user.get();
            engine.putAgent(new AgentProfile(u.id(), u.name(), new HashSet<>(teams.teamsOf(ws, u.id())), a.skills(),
                    a.capacity()), u.status(), u.statusChangedAt() == null ? Instant.EPOCH : u.statusChangedAt());
            agentIds.add(u.id());
        }
        Paging all = new Paging(0, Paging.MAX_SIZE);
        List<ConversationStatus> active = List.of(ConversationStatus.OPEN, ConversationStatus.PENDING);
        for (long agentId : agentIds) {
            for (Conversation c : conversations.list(new ConversationFilter(active, null, null, agentId, false, null, null,
                    null, null, ConversationFilter.Sort.NEWEST), all, system).items()) {
                engine.restoreHeld(c.id(), agentId, media.media(c.channel()));
            }
        }
        Map<Long, Conversation> byId = new HashMap<>();
        Map<Long, WorkItem> items = new HashMap<>();
        WorkItem arriving = null;
        List<SkillRule> rules = store.rules(ws);
        for (Conversation c : conversations.list(new ConversationFilter(List.of(ConversationStatus.OPEN), null, null, null,
                true, null, null, null, null, ConversationFilter.Sort.OLDEST_WAITING), all, system).items()) {
            WorkItem item = item(ws, c, settings, rules, system);
            byId.put(c.id(), c);
            items.put(c.id(), item);
            if (arrivingId != null && c.id() == arrivingId) {
                arriving = item;
            } else {
                engine.restoreWaiting(item);
            }
        }
        return new Loaded(engine, byId, items, arriving);
    }

    private WorkItem item(long ws, Conversation c, RoutingSettings settings, List<SkillRule> rules, Actor system) {
        Map<String, Integer> required = new HashMap<>();
        Set<String> preferred = new HashSet<>();
        for (SkillRule r : rules) {
            boolean matches = (r.channel() == null || r.channel() == c.channel())
                    && (r.language() == null || r.language().equalsIgnoreCase(c.language()))
                    && (r.tag() == null || c.tags().contains(r.tag()));
            if (!matches) {
                continue;
            }
            String skill = r.skill();
            if (skill.equals("language:*")) {
                if (c.language() == null) {
                    continue;
                }
                skill = "language:" + c.language();
            }
            if (r.required()) {
                required.merge(skill, r.minLevel(), Math::max);
            } else {
                preferred.add(skill);
            }
        }
        Media m = media.media(c.channel());
        Long team = c.teamId() != null ? c.teamId() : settings.teamFor(m);
        Instant arrived = c.waitingSince() != null ? c.waitingSince() : c.createdAt();
        return new WorkItem(c.id(), c.channel(), m, c.priority().ordinal(), arrived, required, preferred, team,
                settings.overflowTeamId(), settings.overflowSeconds() == null ? null : Duration.ofSeconds(settings.overflowSeconds()),
                lastOwner(c, system));
    }

    /** Who helped this customer last, for sticky routing. */
    private Long lastOwner(Conversation c, Actor system) {
        return conversations.list(new ConversationFilter(null, null, null, null, false, null, c.customerId(), null, null,
                        ConversationFilter.Sort.NEWEST), new Paging(0, 10), system).items().stream()
                .filter(o -> o.id() != c.id() && o.assigneeId() != null).map(Conversation::assigneeId).findFirst()
                .orElse(null);
    }
}
