package dev.conversa.conversation;

/** Where a conversation is in its life. */
public enum ConversationStatus {
    OPEN,
    /** Waiting on the customer: the SLA clock pauses. */
    PENDING,
    /** Hidden until a time, then back to open. */
    SNOOZED,
    /** Answered; a new customer message reopens it. */
    RESOLVED,
    /** Final; a new customer message starts a new conversation. */
    CLOSED
}
