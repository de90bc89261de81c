package dev.conversa.cluster;

/**
 * Delivers a {@link LiveSignal} to every node. On a single node (Kafka off) it is published at once as a local
 * application event of its own type; with Kafka on it goes to {@link ClusterTopics#SIGNALS} and comes back on every
 * node, this one included, as {@link FromCluster}.
 */
public interface LiveSignals {
    void send(LiveSignal signal);
}
