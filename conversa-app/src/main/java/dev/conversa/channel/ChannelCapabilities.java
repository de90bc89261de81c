package dev.conversa.channel;

import java.time.Duration;

/**
 * What a channel can do, so the console and the API offer only what works.
 *
 * @param publicReplies  replies visible to everyone (a reply in a thread, a comment)
 * @param privateReplies replies only the customer sees (a DM, an email, a chat)
 * @param maxLength      longest text the provider accepts in one message; 0 when unlimited
 * @param replyWindow    how long after the customer's last message a free-form reply is allowed
 *                       ({@code null} when unlimited; WhatsApp: 24 hours)
 */
public record ChannelCapabilities(boolean publicReplies, boolean privateReplies, boolean attachments, int maxLength,
                                  boolean typingIndicator, boolean readReceipts, Duration replyWindow) {
}
