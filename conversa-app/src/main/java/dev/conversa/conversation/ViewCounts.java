package dev.conversa.conversation;

/** How many active conversations each inbox view holds for one agent. */
public record ViewCounts(long mine, long unassigned, long teams, long all, long mentions) {
}
