package dev.conversa.csat;

import java.time.Instant;

/** A survey sent for one conversation and, once answered, its answer. */
public record CsatSurvey(long id, long conversationId, String channel, Long agentId, Long teamId, String language,
                         boolean askNps, boolean askCes, Long messageId, Instant sentAt, Integer score, String comment,
                         Integer nps, Integer ces, Instant answeredAt) {
}
