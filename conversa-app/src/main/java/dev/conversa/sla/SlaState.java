package dev.conversa.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one timer stands, for the inbox and the API.
 *
 * @param status   RUNNING, PAUSED (waiting on the customer), MET, BREACHED or CANCELLED
 * @param timeLeft business time left until the due time (negative once breached); {@code null} when stopped
 */
public record SlaState(long conversationId, SlaKind kind, String status, Instant dueAt, Duration timeLeft, boolean warning) {
}
