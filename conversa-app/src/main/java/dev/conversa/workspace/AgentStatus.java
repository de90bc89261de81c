package dev.conversa.workspace;

/** Whether an agent can take work right now. */
public enum AgentStatus {
    AVAILABLE, AWAY, BUSY, OFFLINE
}
