package dev.conversa.conversation;

/** RECEIVED for inbound messages; outbound ones go QUEUED, SENT, DELIVERED, READ, or FAILED. */
public enum DeliveryStatus {
    RECEIVED, QUEUED, SENT, DELIVERED, READ, FAILED;

    /**
     * The one rule for a provider's status report (every channel's callbacks, which can arrive late and out of
     * order): an outbound message only moves forward — QUEUED, SENT, DELIVERED, READ — so a late "delivered" does
     * not undo "read"; FAILED can come at any step before it, and is final (a "sent" that arrives after the failure
     * does not revive the message; only an agent's retry, which queues it again, does). An inbound message has no
     * delivery status to move.
     */
    public boolean movesTo(DeliveryStatus reported) {
        if (this == RECEIVED || this == FAILED || reported == RECEIVED || reported == QUEUED) {
            return false;
        }
        return reported == FAILED || reported.ordinal() > ordinal();
    }
}
