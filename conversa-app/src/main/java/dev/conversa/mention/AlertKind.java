package dev.conversa.mention;

/** What an alert rule watches: a topic's posts per hour, or its negative posts per hour. */
public enum AlertKind {
    SPIKE, NEGATIVE_SURGE
}
