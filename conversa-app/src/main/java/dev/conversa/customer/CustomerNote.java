package dev.conversa.customer;

import java.time.Instant;

/** Something the team wants to remember about a customer. */
public record CustomerNote(long id, long customerId, Long authorId, String body, Instant createdAt) {
}
