package dev.conversa.mention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Bluesky Jetstream source ({@code conversa.listening.jetstream.*}).
 *
 * @param enabled        off by default: the public firehose is heavy, an installation turns it on
 * @param url            the subscribe endpoint; {@code wantedCollections=app.bsky.feed.post} and the cursor are added
 * @param initialBackoff wait before the first reconnection; doubles with each failed one
 * @param maxBackoff     longest wait between two reconnections
 * @param saveEvery      how often the position of the last handled event is stored while the stream flows (it is
 *                       also stored whenever the connection ends)
 */
@ConfigurationProperties("conversa.listening.jetstream")
record JetstreamProperties(Boolean enabled, String url, Duration initialBackoff, Duration maxBackoff, Duration saveEvery) {
    JetstreamProperties {
        enabled = enabled != null && enabled;
        url = url == null || url.isBlank() ? "wss://jetstream2.us-east.bsky.network/subscribe" : url;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(1) : maxBackoff;
        saveEvery = saveEvery == null ? Duration.ofSeconds(1) : saveEvery;
    }
}
