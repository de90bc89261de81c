package dev.conversa.channel;

import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.CustomerIdentity;
import java.util.List;
import java.util.Map;

/**
 * Everything an adapter needs to deliver one reply.
 *
 * @param secrets          the inbox's decrypted credentials
 * @param recipient        the customer's identity on this channel
 * @param threadKey        the conversation's thread on the provider (root Message-ID, tweet conversation id...)
 * @param replyToExternalId the provider id of the customer's latest message, to reply in thread
 * @param authorName       the agent's display name (email From name, signature)
 */
public record OutboundMessage(long workspaceId, Inbox inbox, Map<String, String> secrets, long conversationId,
                              long messageId, CustomerIdentity recipient, String threadKey, String replyToExternalId,
                              String subject, Visibility visibility, String body, List<Attachment> attachments,
                              String authorName) {
}
