package dev.conversa.channel.webhook;

/** Turns the persisted deliveries of one source ("twitter", "meta"...) into ingested messages and status updates. */
public interface SocialDeliveryHandler {

    String source();

    /**
     * Processes one delivery. Must be idempotent: a delivery is processed again after a crash or a
     * {@link ProcessLater}. Throw {@link ProcessLater} when it refers to something not stored yet (a status for a
     * message whose send has not been recorded): deliveries may arrive out of order.
     */
    void process(SocialDelivery delivery);

    /** The delivery cannot be processed yet; it is tried again with backoff. */
    class ProcessLater extends RuntimeException {
        public ProcessLater(String reason) {
            super(reason);
        }
    }

    /**
     * The delivery names an account (page, number, bot) that no enabled inbox of the workspace has: it is tried
     * again with backoff (an admin may be configuring it), then becomes a dead letter with reason {@code no-inbox}.
     */
    final class NoInbox extends ProcessLater {
        public NoInbox(String reason) {
            super(reason);
        }
    }

    /**
     * The payload has a shape this adapter does not know. Trying again would not help, so it becomes a dead letter
     * at once (reason {@code unknown-shape}), kept for an admin to see and to replay after an upgrade.
     */
    final class Unrecognised extends RuntimeException {
        public Unrecognised(String reason) {
            super(reason);
        }
    }
}
