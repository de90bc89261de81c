package dev.conversa.automation;

import java.time.Instant;

/**
 * One webhook a rule queued, as admins see it in the delivery log and the dead letters.
 *
 * @param deliveryId     sent as {@code X-Conversa-Delivery} and as the payload's {@code id}; the same on every attempt,
 *                       so a receiver can recognise a webhook it already processed
 * @param payload        the JSON body sent, exactly as signed
 * @param lastStatusCode the receiver's last HTTP status, {@code null} when it gave none (timeout, refused...)
 */
public record WebhookDelivery(long id, String deliveryId, long ruleId, String ruleName, long conversationId, Trigger event,
                              String url, String payload, WebhookStatus status, int attempts, Instant nextAttemptAt,
                              Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt) {
}
