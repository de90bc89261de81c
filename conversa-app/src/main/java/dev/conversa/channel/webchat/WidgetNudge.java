package dev.conversa.channel.webchat;

import dev.conversa.cluster.LiveSignal;

/** "Something new for this visitor": sent to every node, since the visitor's widget may be connected to any. */
record WidgetNudge(long workspaceId, long visitorId) implements LiveSignal {
}
