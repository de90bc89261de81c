package dev.conversa.web;

import dev.conversa.cluster.LiveSignal;

/** An agent's browser said it is viewing or replying to a conversation, or that it left ({@code left}, no state). */
record PresenceReport(long workspaceId, long conversationId, long userId, String name, Presence.State state, boolean left)
        implements LiveSignal {
}
