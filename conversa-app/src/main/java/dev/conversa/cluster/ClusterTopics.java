package dev.conversa.cluster;

/** The Kafka topics the nodes of a cluster share; every record is keyed by workspace id, so a workspace stays in order. */
public final class ClusterTopics {
    /** Domain events leaving the event publication registry (the transactional outbox). */
    public static final String EVENTS = "conversa.events";
    /** {@link LiveSignal}s: short-lived nudges such as presence reports, sent straight to Kafka without the outbox. */
    public static final String SIGNALS = "conversa.live";

    private ClusterTopics() {
    }
}
