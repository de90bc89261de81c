package dev.conversa.channel;

/**
 * How an admin connects a provider account, as its channel declares it ({@link ChannelAdapter#connectGuide()}): Admin →
 * Social accounts shows it with the channel's declared settings and secrets.
 *
 * @param consoleUrl  where the app or bot is created at the provider
 * @param webhookPath the path the provider calls, with {@code {inbox}} for the inbox's id; {@code null} when the
 *                    channel needs no webhook (it polls or streams)
 * What to do at the provider is in the message bundles, under {@code channel.connect.<CHANNEL>.steps}.
 */
public record ConnectGuide(String title, String consoleUrl, String webhookPath) {
}
