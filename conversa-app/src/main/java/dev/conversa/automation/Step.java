package dev.conversa.automation;

/** One action a rule would take (or took), with a readable description: "add tag 'urgent'". */
public record Step(long ruleId, String ruleName, Action action, String description) {
}
