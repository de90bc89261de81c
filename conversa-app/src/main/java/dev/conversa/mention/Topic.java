package dev.conversa.mention;

import java.time.Instant;
import java.util.List;

/**
 * A workspace's group of standing queries: its brand, a product or a competitor. A post matched by several of the
 * topic's queries is one post of the topic.
 *
 * @param queryIds the standing queries whose mentions are the topic's
 */
public record Topic(long id, String name, TopicKind kind, List<Long> queryIds, Instant createdAt) {
}
