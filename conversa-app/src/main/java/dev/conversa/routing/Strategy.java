package dev.conversa.routing;

/** How to choose among the agents who could all take a conversation. */
public enum Strategy {
    /** The agent assigned least recently. */
    ROUND_ROBIN,
    /** The agent with the lowest load on the conversation's media (load / capacity). */
    LEAST_LOADED,
    /** The agent who has been free of new work the longest. */
    LONGEST_IDLE
}
