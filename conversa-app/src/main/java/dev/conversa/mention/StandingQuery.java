package dev.conversa.mention;

import java.time.Instant;

/**
 * A workspace's standing query over the public stream.
 *
 * @param requires what a post must contain to match, e.g. {@code requires: (iberia OR #iberia) AND refund*}
 */
public record StandingQuery(long id, long workspaceId, String name, String query, String requires, Instant createdAt) {
}
