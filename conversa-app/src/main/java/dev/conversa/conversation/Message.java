package dev.conversa.conversation;

import java.time.Instant;
import java.util.List;

/**
 * One message in a conversation, inbound or outbound. {@code editedAt} and {@code deletedAt} are set when the
 * customer edited (the body is then the new text) or deleted the message on its network.
 */
public record Message(long id, long conversationId, long inboxId, Direction direction, Visibility visibility,
                      AuthorType authorType, Long authorId, String body, String externalId,
                      DeliveryStatus deliveryStatus, String deliveryError, String language, String sentiment,
                      List<Attachment> attachments, Instant createdAt, Instant editedAt, Instant deletedAt) {
}
