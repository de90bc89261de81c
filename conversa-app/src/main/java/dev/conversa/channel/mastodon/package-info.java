/**
 * Mastodon through its REST and streaming APIs: mentions and direct messages from the user stream (with a
 * notifications catch-up after each reconnect), replies posted as statuses with the visibility of the thread
 * ({@code public} in public threads, {@code direct} for private replies).
 */
package dev.conversa.channel.mastodon;
