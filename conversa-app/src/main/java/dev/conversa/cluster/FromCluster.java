package dev.conversa.cluster;

/**
 * An externalised domain event or a {@link LiveSignal} as it came back from Kafka, published as a local application
 * event on every node (the one that produced it included). The wrapper keeps the module listeners that already
 * handled the original event on the node that published it from handling it again.
 */
public record FromCluster(Object event) {
}
