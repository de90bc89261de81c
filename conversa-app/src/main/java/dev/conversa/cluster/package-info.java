/**
 * Running several Conversa nodes: domain events marked {@code @Externalized} leave the event publication registry
 * (the transactional outbox) for Apache Kafka, keyed by workspace so each workspace's events stay in order.
 */
package dev.conversa.cluster;
