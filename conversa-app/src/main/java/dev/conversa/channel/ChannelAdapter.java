package dev.conversa.channel;

import dev.conversa.customer.IdentityKind;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Media;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The channel plug-in interface. One implementation per provider, in its own sub-package
 * ({@code channel.email}, {@code channel.twitter}...), registered as a Spring bean; nothing outside that package
 * knows the provider's payloads. Inbound traffic enters through the adapter's own webhook controller or poller,
 * which hands normalised {@link InboundMessage}s to {@link IngestionService}.
 * <p>
 * An adapter describes its channel, as a Keycloak provider does: what the rest of Conversa needs to know about it
 * (the admin form, the checks, whom a reply goes to, what capacity it takes, which listening source it answers) is
 * read from here through {@link ChannelCatalog}, not written in other modules.
 */
public interface ChannelAdapter {

    ChannelType type();

    ChannelCapabilities capabilities();

    /** The kind of customer identity a reply on this channel goes to (their address, number, handle...). */
    IdentityKind identityKind();

    /** What capacity a conversation on this channel takes from an agent (routing counts in these). */
    Media media();

    /**
     * The listening sources (a post's {@code source}, lowercase) whose mentions are answered on this channel, as a
     * case opened on one of its inboxes; none when the channel is not a listening network.
     */
    default Set<String> listeningSources() {
        return Set.of();
    }

    /** How an admin connects an account of this provider (Admin → Social accounts); empty when it is not listed there. */
    default Optional<ConnectGuide> connectGuide() {
        return Optional.empty();
    }

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
