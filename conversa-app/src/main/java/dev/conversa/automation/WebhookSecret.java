package dev.conversa.automation;

import java.time.Instant;

/** The workspace's webhook signing secret, shown to its admins so that receivers can verify signatures. */
public record WebhookSecret(String secret, Instant createdAt) {
}
