package dev.conversa.automation;

/**
 * One test on the conversation. Fields: channel, status, priority, tag, language, sentiment, vip, body, subject,
 * assigned. Operators: EQUALS, NOT_EQUALS, CONTAINS, NOT_CONTAINS (case-insensitive).
 */
public record Condition(String field, String op, String value) {
}
