package dev.conversa.routing;

/** How a workspace organises its people: one pool for every channel, teams per channel, or both. */
public enum ContactCenterModel {
    /** Every agent takes every channel they have capacity for; queues are per team only if a rule names one. */
    UNIVERSAL,
    /** Each media goes to the team configured for it (social team, phone team...). */
    SPECIALISED,
    /** Media with a configured team go there; the rest go to everyone. */
    MIXED
}
