package dev.conversa.csat;

/** Whether surveys go out after resolution, and whether they also ask NPS and CES. */
public record CsatSettings(boolean enabled, boolean askNps, boolean askCes) {
}
