package dev.conversa.conversation;

import dev.conversa.kernel.ChannelType;

/**
 * What it takes to open a conversation. The caller has already checked that the inbox and the customer are in
 * the actor's workspace (the conversation module does not know inboxes).
 */
public record NewConversation(long inboxId, ChannelType channel, long customerId, String subject, String threadKey,
                              Priority priority, Long teamId) {
}
