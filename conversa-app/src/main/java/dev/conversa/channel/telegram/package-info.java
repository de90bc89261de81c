/**
 * Telegram through the Bot API: updates by webhook (checked with the secret token header) or long polling
 * ({@code getUpdates}); replies with {@code sendMessage}, {@code sendPhoto} and {@code sendDocument}.
 */
package dev.conversa.channel.telegram;
