package dev.conversa.reporting;

import java.time.Instant;
import java.util.List;

/** The conversation report of a workspace: conversations opened in [from, to), overall and per group. */
public record ConversationReport(Instant from, Instant to, String groupedBy, Long calendarId,
                                 ConversationFigures overall, List<ConversationFigures> groups) {
}
