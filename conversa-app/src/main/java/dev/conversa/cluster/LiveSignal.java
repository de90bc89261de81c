package dev.conversa.cluster;

/**
 * Something every node's open connections should hear about now, but that no one needs to find later (who is viewing
 * a conversation, "the widget has a new reply"). Signals skip the outbox: one lost in a Kafka outage costs a moment of
 * staleness, which the next report or the client's own refresh repairs.
 */
public interface LiveSignal {
    long workspaceId();
}
