package dev.conversa.automation;

import java.time.Instant;

/**
 * One attempt to deliver a webhook.
 *
 * @param statusCode the receiver's HTTP status, {@code null} when it gave none
 * @param latencyMs  from sending the request to the receiver's answer (the start of its body read), or to the failure
 * @param outcome    DELIVERED, RETRY (another attempt is planned) or DEAD (it was the last one)
 * @param error      what went wrong: the status and the start of the receiver's answer, or the network error
 */
public record WebhookAttempt(int attempt, Instant attemptedAt, Integer statusCode, long latencyMs, String outcome,
                             String error) {
}
