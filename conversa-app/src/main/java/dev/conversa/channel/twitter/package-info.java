/**
 * X (Twitter) through the X API v2: mentions, replies, quote posts and direct messages in; replies in thread and
 * DMs out; OAuth 2.0 user tokens refreshed on expiry; rate limits read from the {@code x-rate-limit-*} headers;
 * Account Activity webhooks with their CRC challenge, plus mentions polling where no webhook is available.
 */
package dev.conversa.channel.twitter;
