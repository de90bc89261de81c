package dev.conversa.customer;

import java.time.Instant;

/** A merge of {@code mergedId} into {@code survivorId}; {@code undoneAt} is set once it was undone. */
public record CustomerMerge(long id, long survivorId, long mergedId, Long mergedBy, Instant mergedAt, Instant undoneAt) {
}
