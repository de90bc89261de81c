package dev.conversa.customer;

/** Events the customer module publishes. */
public final class CustomerEvents {
    private CustomerEvents() {
    }

    public record CustomerCreated(long workspaceId, long customerId, String name, Long actorId) {
    }

    public record CustomerUpdated(long workspaceId, long customerId, String change, Long actorId) {
    }

    public record IdentityAdded(long workspaceId, long customerId, IdentityKind kind, String value, Long actorId) {
    }
}
