package dev.conversa.reporting;

import java.time.Instant;
import java.util.List;

/**
 * One conversation of the per-conversation export, with every time the reporting facts measure (definitions in
 * docs/analytics.md). Durations in seconds; null when the moment has not happened (no answer, never resolved).
 *
 * @param firstInboundAt    the customer's first message
 * @param firstResponseAt   the first agent reply at or after it (automation replies do not count)
 * @param firstResolvedAt   the first resolution
 * @param lastResolvedAt    the latest resolution
 * @param resolutions       how many times it was resolved
 * @param reopens           resolutions after the first one ({@code resolutions - 1}, 0 if never resolved)
 * @param resolutionSeconds first resolution − the earlier of the opening and the customer's first message
 * @param inboundMessages   customer messages
 * @param agentReplies      replies written by agents or API tokens
 */
public record ExportedConversation(long conversationId, Instant openedAt, String channel, long inboxId, Long teamId,
                                   Long assigneeId, Long customerId, String status, String language, String sentiment,
                                   List<String> tags, Instant firstInboundAt, Instant firstResponseAt,
                                   Long firstResponseSeconds, Instant firstResolvedAt, Instant lastResolvedAt,
                                   int resolutions, int reopens, Long resolutionSeconds, int inboundMessages,
                                   int agentReplies) {
}
