package dev.conversa.routing;

import dev.conversa.kernel.Media;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.kernel.ChannelType;
import dev.conversa.workspace.AgentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingEngineTest {
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    static WorkItem item(long id, ChannelType channel, String language, Instant at) {
        return new WorkItem(id, channel, Media.SOCIAL, 1, at, Map.of("language:" + language, 1), Set.of(), null, null, null, null);
    }

    static AgentProfile agent(long id, String name, String language, int social) {
        return new AgentProfile(id, name, Set.of(), Map.of("language:" + language, 3), Map.of(Media.SOCIAL, social, Media.CALL, 1));
    }

    @Test
    void leastLoadedExplainsItself() {
        var engine = new RoutingEngine(Strategy.LEAST_LOADED);
        engine.putAgent(agent(1, "Ana", "es", 8), AgentStatus.AVAILABLE, T0);
        engine.putAgent(agent(2, "Bea", "es", 8), AgentStatus.AVAILABLE, T0);
        engine.arrive(item(10, ChannelType.TWITTER, "es", T0), T0);
        engine.arrive(item(11, ChannelType.TWITTER, "es", T0), T0);
        var d = engine.arrive(item(12, ChannelType.TWITTER, "es", T0), T0).orElseThrow();
        assertThat(d.explanation()).isEqualTo("assigned to Ana: skill language:es 3>=1, least loaded 1/8 SOCIAL");
    }

    @Test
    void roundRobinAndLongestIdleRotate() {
        var rr = new RoutingEngine(Strategy.ROUND_ROBIN);
        rr.putAgent(agent(1, "Ana", "es", 8), AgentStatus.AVAILABLE, T0);
        rr.putAgent(agent(2, "Bea", "es", 8), AgentStatus.AVAILABLE, T0);
        assertThat(rr.arrive(item(1, ChannelType.TWITTER, "es", T0), T0).orElseThrow().agentName()).isEqualTo("Ana");
        assertThat(rr.arrive(item(2, ChannelType.TWITTER, "es", T0), T0).orElseThrow().agentName()).isEqualTo("Bea");
        assertThat(rr.arrive(item(3, ChannelType.TWITTER, "es", T0), T0).orElseThrow().agentName()).isEqualTo("Ana");

        var idle = new RoutingEngine(Strategy.LONGEST_IDLE);
        idle.putAgent(agent(1, "Ana", "es", 8), AgentStatus.AVAILABLE, T0.plusSeconds(60));
        idle.putAgent(agent(2, "Bea", "es", 8), AgentStatus.AVAILABLE, T0);
        var d = idle.arrive(item(1, ChannelType.TWITTER, "es", T0), T0.plusSeconds(300)).orElseThrow();
        assertThat(d.explanation()).isEqualTo("assigned to Bea: skill language:es 3>=1, longest idle 5m, load 0/8 SOCIAL");
    }

    @Test
    void overflowGoesToTheOtherTeamAfterTheWait() {
        var engine = new RoutingEngine(Strategy.LEAST_LOADED);
        engine.putAgent(new AgentProfile(1, "Ana", Set.of(1L), Map.of(), Map.of(Media.EMAIL, 1)), AgentStatus.AVAILABLE, T0);
        engine.putAgent(new AgentProfile(2, "Bea", Set.of(2L), Map.of(), Map.of(Media.EMAIL, 1)), AgentStatus.AVAILABLE, T0);
        WorkItem first = new WorkItem(1, ChannelType.EMAIL, Media.EMAIL, 1, T0, Map.of(), Set.of(), 1L, 2L, Duration.ofMinutes(5), null);
        WorkItem second = new WorkItem(2, ChannelType.EMAIL, Media.EMAIL, 1, T0, Map.of(), Set.of(), 1L, 2L, Duration.ofMinutes(5), null);
        assertThat(engine.arrive(first, T0).orElseThrow().agentName()).isEqualTo("Ana");
        assertThat(engine.arrive(second, T0)).isEmpty();
        assertThat(engine.explainWaiting(2, T0)).contains("position 1");
        assertThat(engine.tick(T0.plusSeconds(299))).isEmpty();
        var d = engine.tick(T0.plusSeconds(300));
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.agentName()).isEqualTo("Bea");
            assertThat(x.trigger()).isEqualTo(RoutingDecision.Trigger.OVERFLOW);
            assertThat(x.explanation()).contains("overflow from team 1 after 5m");
        });
    }

    @Test
    void aFreedAgentTakesTheUrgentOneBeforeTheOlderOne() {
        var engine = new RoutingEngine(Strategy.LEAST_LOADED);
        engine.putAgent(agent(1, "Ana", "es", 1), AgentStatus.AVAILABLE, T0);
        engine.arrive(item(1, ChannelType.TWITTER, "es", T0), T0);
        engine.arrive(item(2, ChannelType.TWITTER, "es", T0.plusSeconds(1)), T0.plusSeconds(1));
        engine.arrive(item(3, ChannelType.TWITTER, "es", T0.plusSeconds(2)), T0.plusSeconds(2));
        engine.reprioritise(3, 3);
        var d = engine.release(1, T0.plusSeconds(60));
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.conversationId()).isEqualTo(3);
            assertThat(x.explanation()).contains("agent freed up, next waiting at priority 3 waited 58s");
        });
    }
}
