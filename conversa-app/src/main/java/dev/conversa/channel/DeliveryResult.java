package dev.conversa.channel;

import java.time.Duration;

/** How a delivery attempt ended. */
public sealed interface DeliveryResult {

    /** The provider accepted the message; {@code externalId} is its id there (for threading and status callbacks). */
    record Sent(String externalId) implements DeliveryResult {
    }

    /** A temporary failure (5xx, 429, network): try again, no sooner than {@code after} when the provider said so. */
    record RetryLater(String reason, Duration after) implements DeliveryResult {
    }

    /** A permanent failure (bad recipient, window closed, revoked token): shown on the message, retried only by hand. */
    record Failed(String reason) implements DeliveryResult {
    }
}
