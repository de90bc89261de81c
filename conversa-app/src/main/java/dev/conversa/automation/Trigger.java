package dev.conversa.automation;

/** The conversation events a rule can run on. */
public enum Trigger {
    CONVERSATION_OPENED, MESSAGE_RECEIVED, STATUS_CHANGED, TAGS_CHANGED, PRIORITY_CHANGED, ASSIGNED
}
