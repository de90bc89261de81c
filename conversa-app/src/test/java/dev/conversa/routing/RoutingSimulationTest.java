package dev.conversa.routing;

import dev.conversa.kernel.Media;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.kernel.ChannelType;
import dev.conversa.workspace.AgentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 1,000 conversations across channels and languages, 6 agents with mixed skills and capacities, a virtual clock.
 * The test keeps its own model of loads, statuses and the queue and checks every decision against it: capacity,
 * skills, teams, priority-then-age order when an agent frees up, sticky owners, and an explanation for each.
 */
class RoutingSimulationTest {
    static final Long SOCIAL_TEAM = 1L, SUPPORT_TEAM = 2L;
    static final Duration OVERFLOW = Duration.ofMinutes(10);
    static final List<ChannelType> CHANNELS = List.of(ChannelType.TWITTER, ChannelType.FACEBOOK, ChannelType.INSTAGRAM,
            ChannelType.WEBCHAT, ChannelType.WHATSAPP, ChannelType.EMAIL, ChannelType.VOICE);
    /** As those channels declare it (their adapters' media()). */
    static final Map<ChannelType, Media> MEDIA = Map.of(ChannelType.TWITTER, Media.SOCIAL, ChannelType.FACEBOOK, Media.SOCIAL,
            ChannelType.INSTAGRAM, Media.SOCIAL, ChannelType.WEBCHAT, Media.CHAT, ChannelType.WHATSAPP, Media.CHAT,
            ChannelType.EMAIL, Media.EMAIL, ChannelType.VOICE, Media.CALL);
    static final List<String> LANGUAGES = List.of("es", "en", "pt", "fr");

    /** A clock the test moves by hand. */
    static final class VirtualClock extends Clock {
        Instant now = Instant.parse("2025-03-03T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    record Event(Instant at, long seq, Runnable action) {
    }

    final VirtualClock clock = new VirtualClock();
    final PriorityQueue<Event> events = new PriorityQueue<>(Comparator.comparing(Event::at).thenComparingLong(Event::seq));
    final Random random = new Random(20250303L);
    final RoutingEngine engine = new RoutingEngine(Strategy.LEAST_LOADED);
    final Map<Long, AgentProfile> profiles = new TreeMap<>();
    // the test's own model
    final Map<Long, AgentStatus> status = new HashMap<>();
    final Map<Long, EnumMap<Media, Integer>> load = new HashMap<>();
    final Map<Long, WorkItem> waiting = new HashMap<>();
    final Map<Long, Long> holder = new HashMap<>();
    final List<RoutingDecision> decisions = new ArrayList<>();
    final Map<RoutingDecision.Trigger, Integer> triggers = new EnumMap<>(RoutingDecision.Trigger.class);
    long seq;
    int stickyHonoured;

    void agent(long id, String name, Set<Long> teams, Map<String, Integer> skills, Map<Media, Integer> capacity) {
        AgentProfile p = new AgentProfile(id, name, teams, skills, capacity);
        profiles.put(id, p);
        status.put(id, AgentStatus.AVAILABLE);
        load.put(id, new EnumMap<>(Media.class));
        engine.putAgent(p, AgentStatus.AVAILABLE, clock.instant());
    }

    void at(Instant when, Runnable action) {
        events.add(new Event(when, seq++, action));
    }

    @Test
    void thousandConversationsSixAgents() {
        agent(1, "Ana", Set.of(SOCIAL_TEAM), Map.of("language:es", 5, "language:en", 3, "product:billing", 2),
                Map.of(Media.SOCIAL, 8, Media.CHAT, 3, Media.EMAIL, 8));
        agent(2, "Ben", Set.of(SUPPORT_TEAM), Map.of("language:en", 5, "product:hardware", 3),
                Map.of(Media.CALL, 1, Media.CHAT, 3, Media.EMAIL, 8));
        agent(3, "Carla", Set.of(SOCIAL_TEAM), Map.of("language:es", 4, "language:pt", 5),
                Map.of(Media.SOCIAL, 8, Media.EMAIL, 8));
        agent(4, "Dev", Set.of(SUPPORT_TEAM), Map.of("language:en", 4, "language:fr", 3, "product:billing", 4),
                Map.of(Media.CHAT, 3, Media.EMAIL, 8, Media.CALL, 1));
        agent(5, "Eli", Set.of(SOCIAL_TEAM, SUPPORT_TEAM), Map.of("language:es", 3, "language:en", 4, "language:pt", 2),
                Map.of(Media.CALL, 1, Media.CHAT, 3, Media.SOCIAL, 8));
        agent(6, "Fatima", Set.of(SUPPORT_TEAM), Map.of("language:fr", 5, "language:es", 2, "product:hardware", 2),
                Map.of(Media.EMAIL, 8, Media.SOCIAL, 4, Media.CHAT, 2));

        // arrivals: a busy morning, a conversation every 0-40 s
        Instant t = clock.instant();
        for (long id = 1; id <= 1000; id++) {
            t = t.plusSeconds(random.nextInt(41));
            WorkItem item = randomItem(id, t);
            at(t, () -> arrive(item));
        }
        // agents step away and come back
        for (long a = 1; a <= 6; a++) {
            long agentId = a;
            for (int k = 0; k < 4; k++) {
                Instant away = clock.instant().plusSeconds(600 + random.nextInt(5 * 3600));
                at(away, () -> setStatus(agentId, random.nextBoolean() ? AgentStatus.AWAY : AgentStatus.BUSY));
                at(away.plusSeconds(120 + random.nextInt(1200)), () -> setStatus(agentId, AgentStatus.AVAILABLE));
            }
        }
        while (!events.isEmpty()) {
            Event e = events.poll();
            clock.now = e.at();
            record(engine.tick(clock.instant()));
            e.action().run();
            assertNoIdleCapacityWhileSomeoneWaits();
        }

        assertThat(waiting).isEmpty();
        assertThat(engine.waitingCount()).isZero();
        assertThat(decisions).hasSize(1000);
        assertThat(decisions.stream().map(RoutingDecision::conversationId).distinct()).hasSize(1000);
        // the run exercised every path
        assertThat(triggers.get(RoutingDecision.Trigger.ARRIVAL)).isGreaterThan(50);
        assertThat(triggers.get(RoutingDecision.Trigger.AGENT_FREED)).isGreaterThan(50);
        assertThat(triggers.getOrDefault(RoutingDecision.Trigger.OVERFLOW, 0)
                + decisions.stream().filter(d -> d.explanation().contains("overflow from team")).count()).isPositive();
        assertThat(stickyHonoured).isPositive();
        assertThat(decisions.stream().map(RoutingDecision::agentId).distinct()).hasSize(6);
    }

    WorkItem randomItem(long id, Instant at) {
        while (true) {
            ChannelType channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
            String language = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
            int priority = random.nextInt(10) < 7 ? 1 : random.nextInt(4);
            Map<String, Integer> required = Map.of("language:" + language, 1 + random.nextInt(2));
            Set<String> preferred = random.nextInt(3) == 0 ? Set.of(random.nextBoolean() ? "product:billing" : "product:hardware")
                    : Set.of();
            Media media = MEDIA.get(channel);
            Long team = media == Media.SOCIAL ? SOCIAL_TEAM : media == Media.EMAIL ? SUPPORT_TEAM : null;
            Long overflowTeam = media == Media.EMAIL ? SOCIAL_TEAM : null;
            Long sticky = random.nextInt(8) == 0 ? 1L + random.nextInt(6) : null;
            WorkItem item = new WorkItem(id, channel, media, priority, at, required, preferred, team, overflowTeam,
                    team == null ? null : OVERFLOW, sticky);
            // only combinations someone in the room can ever serve
            boolean servable = profiles.values().stream().anyMatch(p -> qualifies(p, item) && p.capacity(media) > 0
                    && (team == null || p.teams().contains(team) || overflowTeam == null || p.teams().contains(overflowTeam)));
            if (servable) {
                return item;
            }
        }
    }

    void arrive(WorkItem item) {
        var decision = engine.arrive(item, clock.instant());
        if (decision.isEmpty()) {
            // nobody could take it: the model must agree
            for (AgentProfile p : profiles.values()) {
                assertThat(canTake(p, item)).as("agent %s could have taken %s", p.name(), item.conversationId()).isFalse();
            }
            waiting.put(item.conversationId(), item);
            return;
        }
        RoutingDecision d = decision.get();
        waiting.put(item.conversationId(), item);
        if (item.stickyAgentId() != null && canTake(profiles.get(item.stickyAgentId()), item)) {
            assertThat(d.agentId()).isEqualTo(item.stickyAgentId());
            assertThat(d.explanation()).contains("sticky owner");
            stickyHonoured++;
        }
        check(d);
    }

    void setStatus(long agentId, AgentStatus s) {
        status.put(agentId, s);
        record(engine.setStatus(agentId, s, clock.instant()));
    }

    void finish(long conversationId) {
        long agentId = holder.remove(conversationId);
        WorkItem item = done.remove(conversationId);
        load.get(agentId).merge(item.media(), -1, Integer::sum);
        record(engine.release(conversationId, clock.instant()));
    }

    final Map<Long, WorkItem> done = new HashMap<>();

    void record(List<RoutingDecision> ds) {
        ds.forEach(this::check);
    }

    /** Checks one decision against the model, then applies it to the model. */
    void check(RoutingDecision d) {
        WorkItem item = waiting.get(d.conversationId());
        assertThat(item).as("decision for a conversation that is not waiting: %s", d).isNotNull();
        AgentProfile agent = profiles.get(d.agentId());
        assertThat(canTake(agent, item)).as("%s cannot take %s: %s", agent.name(), item, d.explanation()).isTrue();
        if (d.trigger() == RoutingDecision.Trigger.AGENT_FREED) {
            // the first waiting conversation in priority-then-age order that this agent can take
            WorkItem first = waiting.values().stream().filter(w -> canTake(agent, w))
                    .min(Comparator.comparingInt((WorkItem w) -> -w.priority()).thenComparing(WorkItem::arrivedAt)
                            .thenComparingLong(WorkItem::conversationId))
                    .orElseThrow();
            assertThat(d.conversationId()).as("%s should have taken %s first", agent.name(), first).isEqualTo(first.conversationId());
        }
        // the explanation names the agent, every required skill, and the load
        assertThat(d.explanation()).startsWith("assigned to " + agent.name() + ":");
        item.required().forEach((skill, level) -> assertThat(d.explanation()).contains("skill " + skill));
        assertThat(d.explanation()).contains(load(agent.id(), item.media()) + "/" + agent.capacity(item.media()));
        assertThat(d.loadBefore()).isEqualTo(load(agent.id(), item.media()));

        waiting.remove(d.conversationId());
        load.get(agent.id()).merge(item.media(), 1, Integer::sum);
        assertThat(load(agent.id(), item.media())).isLessThanOrEqualTo(agent.capacity(item.media()));
        holder.put(d.conversationId(), agent.id());
        done.put(d.conversationId(), item);
        decisions.add(d);
        triggers.merge(d.trigger(), 1, Integer::sum);
        int minutes = switch (item.media()) {
            case CALL -> 3 + random.nextInt(10);
            case CHAT -> 5 + random.nextInt(20);
            case SOCIAL, EMAIL -> 10 + random.nextInt(80);
        };
        at(clock.instant().plus(Duration.ofMinutes(minutes)), () -> finish(d.conversationId()));
    }

    void assertNoIdleCapacityWhileSomeoneWaits() {
        for (AgentProfile p : profiles.values()) {
            for (WorkItem w : waiting.values()) {
                assertThat(canTake(p, w)).as("%s is free and could take waiting %s", p.name(), w).isFalse();
            }
        }
    }

    boolean canTake(AgentProfile p, WorkItem w) {
        boolean team = w.teamId() == null || p.teams().contains(w.teamId())
                || (w.overflowed(clock.instant()) && (w.overflowTeamId() == null || p.teams().contains(w.overflowTeamId())));
        return status.get(p.id()) == AgentStatus.AVAILABLE && load(p.id(), w.media()) < p.capacity(w.media())
                && qualifies(p, w) && team;
    }

    static boolean qualifies(AgentProfile p, WorkItem w) {
        return w.required().entrySet().stream().allMatch(r -> p.skill(r.getKey()) >= r.getValue());
    }

    int load(long agentId, Media media) {
        return load.get(agentId).getOrDefault(media, 0);
    }
}
