package dev.conversa.benchmarks.routing;

import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Media;
import dev.conversa.routing.AgentProfile;
import dev.conversa.routing.RoutingDecision;
import dev.conversa.routing.RoutingEngine;
import dev.conversa.routing.Strategy;
import dev.conversa.routing.WorkItem;
import dev.conversa.workspace.AgentStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routing decisions per second with 500 agents (2 languages each out of 6, mixed capacities on 4 media) and
 * 20,000 conversations waiting, each needing one language.
 *
 * <ul>
 *   <li>{@code agentFreesUp}: an agent finishes a conversation and takes the next waiting one they can
 *       (priority then age, skills and capacity checked), and a new conversation arrives into the full house,
 *       keeping the queue at 20,000. One op = one release + its decisions + one arrival.</li>
 *   <li>{@code arrivalWithFreeAgents}: a conversation arrives while every agent has room; the engine picks
 *       among all qualified agents (least loaded), then the conversation is released again.</li>
 * </ul>
 * Run: {@code java -jar conversa-benchmarks/target/benchmarks.jar RoutingBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoutingBenchmark {
    static final List<String> LANGUAGES = List.of("es", "en", "pt", "fr", "de", "it");
    static final List<ChannelType> CHANNELS = List.of(ChannelType.VOICE, ChannelType.WEBCHAT, ChannelType.WHATSAPP,
            ChannelType.TWITTER, ChannelType.FACEBOOK, ChannelType.INSTAGRAM, ChannelType.EMAIL);
    /** What each channel's adapter declares as its routing media (the benchmark runs the engine without adapters). */
    static final Map<ChannelType, Media> MEDIA = Map.of(ChannelType.VOICE, Media.CALL, ChannelType.WEBCHAT, Media.CHAT,
            ChannelType.WHATSAPP, Media.CHAT, ChannelType.TWITTER, Media.SOCIAL, ChannelType.FACEBOOK, Media.SOCIAL,
            ChannelType.INSTAGRAM, Media.SOCIAL, ChannelType.EMAIL, Media.EMAIL);
    static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

    @State(Scope.Thread)
    public static class FullHouse {
        @Param({"500"})
        int agents;
        @Param({"20000"})
        int waiting;

        RoutingEngine engine;
        ArrayDeque<Long> held;
        Random random;
        long nextId;
        Instant now;

        @Setup(Level.Trial)
        public void setUp() {
            random = new Random(42);
            engine = new RoutingEngine(Strategy.LEAST_LOADED);
            now = T0;
            for (int i = 0; i < agents; i++) {
                engine.putAgent(agent(i, random), AgentStatus.AVAILABLE, T0);
            }
            held = new ArrayDeque<>();
            // fill every agent, then queue 20,000 more
            while (engine.waitingCount() < waiting) {
                WorkItem item = item(nextId++, random, now);
                engine.arrive(item, now).ifPresent(d -> held.add(d.conversationId()));
                now = now.plusMillis(10);
            }
        }
    }

    @State(Scope.Thread)
    public static class RoomForAll {
        RoutingEngine engine;
        Random random;
        long nextId;

        @Setup(Level.Trial)
        public void setUp() {
            random = new Random(7);
            engine = new RoutingEngine(Strategy.LEAST_LOADED);
            for (int i = 0; i < 500; i++) {
                engine.putAgent(agent(i, random), AgentStatus.AVAILABLE, T0);
            }
        }
    }

    /** Counts the decisions made, next to the ops. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Decisions {
        public long decisions;
    }

    @Benchmark
    public int agentFreesUp(FullHouse s, Decisions counter) {
        Long done = s.held.poll();
        s.now = s.now.plusMillis(10);
        List<RoutingDecision> ds = s.engine.release(done, s.now);
        for (RoutingDecision d : ds) {
            s.held.add(d.conversationId());
        }
        counter.decisions += ds.size();
        s.engine.arrive(item(s.nextId++, s.random, s.now), s.now).ifPresent(d -> {
            s.held.add(d.conversationId());
            counter.decisions++;
        });
        return ds.size();
    }

    @Benchmark
    public long arrivalWithFreeAgents(RoomForAll s) {
        long id = s.nextId++;
        RoutingDecision d = s.engine.arrive(item(id, s.random, T0), T0).orElseThrow();
        s.engine.release(id, T0);
        return d.agentId();
    }

    static AgentProfile agent(int i, Random random) {
        String l1 = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
        String l2 = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
        Map<String, Integer> skills = l1.equals(l2) ? Map.of("language:" + l1, 3 + random.nextInt(3))
                : Map.of("language:" + l1, 3 + random.nextInt(3), "language:" + l2, 1 + random.nextInt(5));
        Map<Media, Integer> capacity = Map.of(Media.CALL, random.nextInt(2), Media.CHAT, 1 + random.nextInt(3),
                Media.SOCIAL, 2 + random.nextInt(7), Media.EMAIL, 2 + random.nextInt(7));
        return new AgentProfile(i, "agent-" + i, Set.of(), skills, capacity);
    }

    static WorkItem item(long id, Random random, Instant at) {
        ChannelType channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
        return new WorkItem(id, channel, MEDIA.get(channel), random.nextInt(10) < 7 ? 1 : random.nextInt(4),
                at, Map.of("language:" + LANGUAGES.get(random.nextInt(LANGUAGES.size())), 1), Set.of(), null, null, null, null);
    }
}
