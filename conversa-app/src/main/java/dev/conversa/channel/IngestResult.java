package dev.conversa.channel;

/** Where an inbound message landed; {@code duplicate} when it had been stored before and nothing changed. */
public record IngestResult(long messageId, long conversationId, long customerId, boolean duplicate) {
}
