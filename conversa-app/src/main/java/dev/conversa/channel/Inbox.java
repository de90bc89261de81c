package dev.conversa.channel;

import dev.conversa.kernel.ChannelType;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A configured channel account: one email box, one Twitter account, one SMS number... Secrets are never part of
 * this view; only the names of the secrets that are set.
 */
public record Inbox(long id, long workspaceId, String name, ChannelType channel, Map<String, String> settings,
                    Set<String> secretNames, InboxStatus status, String lastError, Instant createdAt, Instant updatedAt) {
}
