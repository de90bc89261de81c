package dev.conversa.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A person the workspace talks to, with every identity they use and the attributes the team keeps on them. */
public record Customer(long id, long workspaceId, String name, String email, String phone, String avatarUrl,
                       String locale, boolean vip, Long mergedIntoId, List<CustomerIdentity> identities,
                       Map<String, String> attributes, Instant createdAt, Instant updatedAt) {
}
