package dev.conversa.automation;

/**
 * Where an automation webhook stands: PENDING (waiting for its next attempt), SENDING (claimed by a worker),
 * DELIVERED (the receiver answered 2xx), DEAD (every attempt failed; an admin may replay it).
 */
public enum WebhookStatus {
    PENDING, SENDING, DELIVERED, DEAD
}
