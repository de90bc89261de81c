package dev.conversa.channel;

import dev.conversa.customer.IdentityKind;
import dev.conversa.kernel.ChannelMedia;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Media;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The channels this installation has, as their adapters describe them: the one place other modules learn a channel's
 * identity kind, media or listening sources. Modules that may depend on the channel module ({@code mention},
 * {@code web}) use this class; {@code routing}, which the channel module must stay free to depend on, reads media
 * through the kernel's {@link ChannelMedia}, which this implements.
 * <p>
 * The API channel has no adapter (its replies are read back through the REST API): its facts are the fallback for a
 * channel without one.
 */
@Component
public class ChannelCatalog implements ChannelMedia {
    private static final Logger log = LoggerFactory.getLogger(ChannelCatalog.class);

    private final Map<ChannelType, ChannelAdapter> adapters = new LinkedHashMap<>();
    private final Map<String, ChannelType> bySource = new LinkedHashMap<>();

    ChannelCatalog(List<ChannelAdapter> adapters) {
        List<ChannelType> order = ChannelType.values();
        adapters.stream().sorted(Comparator.comparingInt(a -> order.indexOf(a.type()))).forEach(a -> {
            ChannelAdapter previous = this.adapters.putIfAbsent(a.type(), a);
            if (previous != null) {
                log.warn("Two adapters for channel {}: {} and {}; using the first", a.type(), previous, a);
                return;
            }
            for (String source : a.listeningSources()) {
                ChannelType other = bySource.putIfAbsent(source.toLowerCase(Locale.ROOT), a.type());
                if (other != null) {
                    throw new IllegalStateException("listening source " + source + " is claimed by " + other + " and " + a.type());
                }
            }
        });
    }

    /** The adapters, one per channel, in the order of {@link ChannelType#values()}. */
    public List<ChannelAdapter> adapters() {
        return List.copyOf(adapters.values());
    }

    /** The channels conversations can be on here: those with an adapter, and the API channel. */
    public List<ChannelType> channels() {
        return ChannelType.values().stream().filter(t -> t == ChannelType.API || adapters.containsKey(t)).toList();
    }

    public Optional<ChannelAdapter> adapter(ChannelType channel) {
        return Optional.ofNullable(adapters.get(channel));
    }

    /** The identity a reply on {@code channel} goes to; {@link IdentityKind#EXTERNAL} for the API channel. */
    public IdentityKind identityKind(ChannelType channel) {
        return adapter(channel).map(ChannelAdapter::identityKind).orElse(IdentityKind.EXTERNAL);
    }

    /** What a conversation on {@code channel} takes from an agent; {@link Media#EMAIL} (work in a queue) for the API channel. */
    @Override
    public Media media(ChannelType channel) {
        return adapter(channel).map(ChannelAdapter::media).orElse(Media.EMAIL);
    }

    /** The channel that answers mentions from a listening source ({@code x}, {@code mastodon}...), if one does. */
    public Optional<ChannelType> listenedAs(String source) {
        return source == null ? Optional.empty() : Optional.ofNullable(bySource.get(source.strip().toLowerCase(Locale.ROOT)));
    }
}
