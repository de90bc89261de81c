package dev.conversa.sla;

/** What a timer measures. */
public enum SlaKind {
    FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION
}
