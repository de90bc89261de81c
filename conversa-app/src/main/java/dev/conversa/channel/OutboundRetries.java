package dev.conversa.channel;

import dev.conversa.conversation.Message;
import dev.conversa.kernel.Actor;

/**
 * The console's handle on outbound delivery: an agent retries a message whose delivery failed. Exposed over REST as
 * {@code POST /api/v1/conversations/{id}/messages/{messageId}/retry}.
 */
public interface OutboundRetries {

    /**
     * Queues a FAILED outbound message for a fresh series of delivery attempts and answers it as QUEUED.
     *
     * @throws dev.conversa.kernel.NotFoundException when the message is not an outbound message of that conversation
     * @throws dev.conversa.kernel.ConflictException when the message has not failed
     */
    Message retry(long conversationId, long messageId, Actor actor);
}
