package dev.conversa.routing;

import dev.conversa.kernel.Media;
import java.util.Map;
import java.util.Set;

/**
 * What routing knows about an agent.
 *
 * @param skills     skill name ({@code language:es}, {@code product:billing}, {@code channel:voice}) to level 1..5
 * @param capacity   how many conversations of each media the agent holds at once; missing means 0 (does not take it)
 * @param teams      the teams (queues) the agent works in
 */
public record AgentProfile(long id, String name, Set<Long> teams, Map<String, Integer> skills, Map<Media, Integer> capacity) {
    public AgentProfile {
        teams = Set.copyOf(teams);
        skills = Map.copyOf(skills);
        capacity = Map.copyOf(capacity);
    }

    public int capacity(Media media) {
        return capacity.getOrDefault(media, 0);
    }

    public int skill(String name) {
        return skills.getOrDefault(name, 0);
    }
}
