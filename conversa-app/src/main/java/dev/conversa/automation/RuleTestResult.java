package dev.conversa.automation;

import java.util.List;

/** What a rule would do to a past conversation, without doing it. */
public record RuleTestResult(long conversationId, Trigger trigger, boolean matches, List<Step> wouldDo) {
}
