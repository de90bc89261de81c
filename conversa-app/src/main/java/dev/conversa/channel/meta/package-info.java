/**
 * Meta's Graph API: Facebook pages (comments and replies on page posts, visitor posts, Messenger), Instagram
 * (comments on the brand's media, mentions, DMs) and the WhatsApp Cloud API (messages, media, delivery and read
 * statuses, message templates and the 24-hour customer-service window). One webhook shape for all three, verified
 * with {@code hub.challenge} and {@code X-Hub-Signature-256}.
 */
package dev.conversa.channel.meta;
