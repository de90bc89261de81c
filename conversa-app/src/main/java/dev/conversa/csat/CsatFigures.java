package dev.conversa.csat;

/**
 * Figures for one agent, team or channel: surveys sent, answers, average score, share of 4–5 answers (CSAT %),
 * NPS (promoters minus detractors, %) and average CES where asked.
 */
public record CsatFigures(String key, long sent, long answered, Double averageScore, Double satisfiedPercent, Double nps,
                          Double averageCes) {
}
