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
    final class ProcessLater extends RuntimeException {
        public ProcessLater(String reason) {
            super(reason);
        }
    }
}
