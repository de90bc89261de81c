package dev.conversa.routing;

import dev.conversa.kernel.Media;
import dev.conversa.kernel.ChannelType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A conversation that needs an agent.
 *
 * @param media          what capacity it takes (its channel says: {@link dev.conversa.kernel.ChannelMedia})
 * @param priority       0 (low) to 3 (urgent); higher is served first, then older
 * @param required       skills the agent must have, with the minimum level
 * @param preferred      skills that make an agent a better fit when several qualify
 * @param teamId         the queue; {@code null} means any team
 * @param overflowTeamId where the conversation may also go after {@code overflowAfter}; {@code null} there means anyone
 * @param stickyAgentId  who last helped this customer; preferred if they can take it now
 */
public record WorkItem(long conversationId, ChannelType channel, Media media, int priority, Instant arrivedAt,
                       Map<String, Integer> required, Set<String> preferred, Long teamId, Long overflowTeamId,
                       Duration overflowAfter, Long stickyAgentId) {
    public WorkItem {
        required = Map.copyOf(required);
        preferred = Set.copyOf(preferred);
    }

    public boolean overflowed(Instant now) {
        return overflowAfter != null && teamId != null && !now.isBefore(arrivedAt.plus(overflowAfter));
    }

    public WorkItem withPriority(int newPriority) {
        return new WorkItem(conversationId, channel, media, newPriority, arrivedAt, required, preferred, teamId, overflowTeamId,
                overflowAfter, stickyAgentId);
    }
}
