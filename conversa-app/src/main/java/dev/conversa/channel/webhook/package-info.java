/**
 * What the social channels (X, Meta, Telegram, Mastodon) share: the persisted intake queue that lets webhooks answer
 * fast and process later, signature helpers, a small HTTP client with rate-limit bookkeeping, the link that keeps
 * a customer moved from a public thread to private messages in one case, and comment moderation.
 */
package dev.conversa.channel.webhook;
