package dev.conversa.channel;

import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.NewIdentity;
import java.time.Instant;
import java.util.List;

/**
 * A customer's message normalised from any provider's payload.
 *
 * @param externalId the provider's id of the message: the key that makes redelivery harmless
 * @param threadKey  the provider's id of the thread, or {@code null} for channels where the customer is the thread
 */
public record InboundMessage(String externalId, String threadKey, NewIdentity author, String subject, String body,
                             Visibility visibility, List<Attachment> attachments, Instant occurredAt) {
}
