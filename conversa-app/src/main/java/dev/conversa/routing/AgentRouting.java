package dev.conversa.routing;

import dev.conversa.kernel.Media;
import java.util.Map;

/** An agent's skills (name to level 1..5) and capacity per media, as configured by a supervisor. */
public record AgentRouting(long userId, Map<String, Integer> skills, Map<Media, Integer> capacity) {
}
