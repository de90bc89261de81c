package dev.conversa.conversation;

/** IN: from the customer. OUT: from the workspace (an agent, an automation). */
public enum Direction {
    IN, OUT
}
