package dev.conversa.channel;

import dev.conversa.kernel.ChannelType;
import java.util.List;

/**
 * The channel plug-in interface. One implementation per provider, in its own sub-package
 * ({@code channel.email}, {@code channel.twitter}...), registered as a Spring bean; nothing outside that package
 * knows the provider's payloads. Inbound traffic enters through the adapter's own webhook controller or poller,
 * which hands normalised {@link InboundMessage}s to {@link IngestionService}.
 */
public interface ChannelAdapter {

    ChannelType type();

    ChannelCapabilities capabilities();

    /**
     * The settings and secrets an inbox of this channel takes, for the admin form and for checking values before they
     * are stored. A setting not listed is stored as given (a channel may read more than it lists).
     */
    default List<ChannelSetting> settings() {
        return List.of();
    }

    /**
     * Delivers one outbound message through the provider. Called by the outbound dispatcher, which persisted the
     * message first and retries with backoff on {@link DeliveryResult.RetryLater}. Must not throw for provider
     * errors: report them as a result.
     */
    DeliveryResult send(OutboundMessage message);
}
