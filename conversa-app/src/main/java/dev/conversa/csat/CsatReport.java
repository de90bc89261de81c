package dev.conversa.csat;

import java.util.List;

/** CSAT figures for the whole workspace and broken down per agent, team and channel. */
public record CsatReport(CsatFigures overall, List<CsatFigures> byAgent, List<CsatFigures> byTeam, List<CsatFigures> byChannel) {
}
