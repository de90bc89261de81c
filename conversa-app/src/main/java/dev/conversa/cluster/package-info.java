/**
 * Running several Conversa nodes. Domain events marked {@code @Externalized} leave the event publication registry
 * (the transactional outbox) for Apache Kafka, keyed by workspace so each workspace's events stay in order; short-lived
 * {@link dev.conversa.cluster.LiveSignal}s go there directly. Every node consumes both with its own consumer group and
 * republishes what it reads as {@link dev.conversa.cluster.FromCluster}, which the console's and the widget's
 * server-sent events listen to. Nothing here is active with Kafka off: a single node handles its events in memory.
 */
package dev.conversa.cluster;
