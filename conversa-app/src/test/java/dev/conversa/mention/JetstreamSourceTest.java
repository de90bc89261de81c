package dev.conversa.mention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reconnection wait and the subscribe URL of the Jetstream source. */
class JetstreamSourceTest {
    private final JetstreamSource source = new JetstreamSource(
            new JetstreamProperties(true, "wss://jetstream.example/subscribe", Duration.ofSeconds(1), Duration.ofSeconds(10), null),
            null, null);

    @Test
    void theWaitStartsAtTheInitialBackoffAndDoublesForEachConnectionThatDeliveredNothing() {
        assertThat(source.backoff(0)).as("after a connection that delivered events").isEqualTo(Duration.ofSeconds(1));
        assertThat(source.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(source.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(source.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(source.backoff(5)).as("capped").isEqualTo(Duration.ofSeconds(10));
        assertThat(source.backoff(500)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theCursorIsAskedForOnlyWhenOneIsStored() {
        assertThat(source.subscribeUri(-1)).hasToString("wss://jetstream.example/subscribe?wantedCollections=app.bsky.feed.post&wantedCollections=app.bsky.feed.repost");
        assertThat(source.subscribeUri(1725911162329308L))
                .hasToString("wss://jetstream.example/subscribe?wantedCollections=app.bsky.feed.post&wantedCollections=app.bsky.feed.repost&cursor=1725911162329308");
    }
}
