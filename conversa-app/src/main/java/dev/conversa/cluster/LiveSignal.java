package dev.conversa.cluster;

/**
 * Something every node's open connections should hear about now, but that no one needs to find later (who is viewing
 * a conversation, "the widget has a new reply"). Signals skip the outbox: they are worth little a few seconds later,
 * since browsers report presence every few seconds and the widget also polls, so they need no stored publication.
 */
public interface LiveSignal {
    long workspaceId();
}
