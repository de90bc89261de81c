package dev.conversa.conversation;

/** RECEIVED for inbound messages; outbound ones go QUEUED, SENT, DELIVERED, READ, or FAILED. */
public enum DeliveryStatus {
    RECEIVED, QUEUED, SENT, DELIVERED, READ, FAILED
}
