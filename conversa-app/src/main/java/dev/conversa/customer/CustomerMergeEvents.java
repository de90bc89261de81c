package dev.conversa.customer;

/**
 * Published inside the merge's transaction, so listeners that move data owned by other modules (the
 * conversation module moves conversations) commit or roll back with it.
 */
public final class CustomerMergeEvents {
    private CustomerMergeEvents() {
    }

    public record CustomersMerged(long workspaceId, long mergeId, long survivorId, long mergedId, Long actorId) {
    }

    public record MergeUndone(long workspaceId, long mergeId, long survivorId, long mergedId, Long actorId) {
    }
}
