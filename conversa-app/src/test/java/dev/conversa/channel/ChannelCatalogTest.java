package dev.conversa.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.customer.IdentityKind;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Media;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelCatalogTest {

    /** An adapter that only describes itself. */
    record Described(ChannelType type, IdentityKind identityKind, Media media, Set<String> listeningSources)
            implements ChannelAdapter {
        @Override
        public ChannelCapabilities capabilities() {
            return new ChannelCapabilities(true, true, false, 0, false, false, null);
        }

        @Override
        public DeliveryResult send(OutboundMessage message) {
            return new DeliveryResult.Failed("not a real channel");
        }
    }

    @Test
    void answersWhatTheAdaptersDeclareAndTheApiChannelsFactsWithoutOne() {
        var catalog = new ChannelCatalog(List.of(
                new Described(ChannelType.MASTODON, IdentityKind.MASTODON, Media.SOCIAL, Set.of("mastodon")),
                new Described(ChannelType.TWITTER, IdentityKind.TWITTER, Media.SOCIAL, Set.of("twitter", "x"))));
        assertThat(catalog.listenedAs(" X ")).contains(ChannelType.TWITTER);
        assertThat(catalog.listenedAs("mastodon")).contains(ChannelType.MASTODON);
        assertThat(catalog.listenedAs("myspace")).isEmpty();
        assertThat(catalog.identityKind(ChannelType.TWITTER)).isEqualTo(IdentityKind.TWITTER);
        assertThat(catalog.identityKind(ChannelType.API)).isEqualTo(IdentityKind.EXTERNAL);
        assertThat(catalog.media(ChannelType.API)).isEqualTo(Media.EMAIL);
        // in ChannelType order, whatever the order of the beans; the API channel is always one
        assertThat(catalog.adapters()).extracting(ChannelAdapter::type).containsExactly(ChannelType.TWITTER, ChannelType.MASTODON);
        assertThat(catalog.channels()).containsExactly(ChannelType.TWITTER, ChannelType.MASTODON, ChannelType.API);
    }

    @Test
    void twoChannelsClaimingOneListeningSourceStopTheStart() {
        assertThatThrownBy(() -> new ChannelCatalog(List.of(
                new Described(ChannelType.TWITTER, IdentityKind.TWITTER, Media.SOCIAL, Set.of("x")),
                new Described(ChannelType.MASTODON, IdentityKind.MASTODON, Media.SOCIAL, Set.of("X")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("listening source X");
    }

    @Test
    void aChannelTypeHasOneInstancePerNameAndOnlyDefinedNamesAreRead() {
        ChannelType fax = ChannelType.define("FAX_TEST");
        assertThat(ChannelType.define("FAX_TEST")).isSameAs(fax);
        assertThat(ChannelType.valueOf("FAX_TEST")).isSameAs(fax);
        assertThat(ChannelType.valueOf("EMAIL")).isSameAs(ChannelType.EMAIL);
        assertThat(ChannelType.values()).startsWith(ChannelType.EMAIL, ChannelType.WEBCHAT).contains(fax);
        assertThatThrownBy(() -> ChannelType.valueOf("CARRIER_PIGEON")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChannelType.define("fax")).isInstanceOf(IllegalArgumentException.class);
    }
}
