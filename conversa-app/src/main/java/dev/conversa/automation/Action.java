package dev.conversa.automation;

/**
 * One thing a rule does: ADD_TAG (value: tag), SET_PRIORITY (LOW..URGENT), ASSIGN_TEAM (team id), AUTO_REPLY
 * (text; {@code {expected_response}} becomes the SLA first-response target), WEBHOOK (URL), CLOSE_SPAM.
 */
public record Action(String type, String value) {
}
