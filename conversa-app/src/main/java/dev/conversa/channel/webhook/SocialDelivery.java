package dev.conversa.channel.webhook;

import java.time.Instant;

/** One persisted webhook delivery or streamed event, waiting to be processed. */
public record SocialDelivery(long id, long workspaceId, long inboxId, String source, String payload, int attempts,
                             Instant receivedAt) {
}
