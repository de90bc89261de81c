package dev.conversa.channel.webhook;

import java.time.Instant;

/**
 * A delivery the intake gave up on, as admins see it: the raw payload as the provider sent it, the last error and
 * why it gave up ({@code failed}: its retries were used up; {@code no-inbox}: no inbox has the account it names;
 * {@code unknown-shape}: a payload Conversa does not know).
 */
public record DeadLetter(long id, long inboxId, String source, String reason, String error, int attempts,
                         Instant receivedAt, Instant deadAt, String payload) {
}
