package dev.conversa.mention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * RSS and Atom feed polling ({@code conversa.listening.feeds.*}).
 *
 * @param tick            how often the poller looks for feeds whose next poll is due
 * @param defaultInterval a feed's interval when it is added without one
 * @param minInterval     the shortest interval a workspace may ask for (be polite to the sites polled)
 * @param maxBackoff      longest wait after consecutive failures (each failure doubles the wait, starting at twice
 *                        the feed's interval; a {@code Retry-After} in seconds may ask for more)
 * @param timeout         how long one request may take, connecting included
 * @param maxDocumentSize a larger answer is refused as a failure
 * @param seenRetention   how long an entry's id is remembered after it was first seen (a feed only repeats its
 *                        recent entries; an entry older than this that shows up again is matched again, and its
 *                        mentions are still stored once)
 * @param allowPrivateAddresses whether a feed may live on a loopback, private, link-local or shared address (default
 *                        false: a workspace admin must not make the server read the installation's internal network)
 */
@ConfigurationProperties("conversa.listening.feeds")
record FeedProperties(Duration tick, Duration defaultInterval, Duration minInterval, Duration maxBackoff,
                      Duration timeout, DataSize maxDocumentSize, Duration seenRetention, boolean allowPrivateAddresses) {
    FeedProperties {
        tick = tick == null ? Duration.ofSeconds(5) : tick;
        defaultInterval = defaultInterval == null ? Duration.ofMinutes(15) : defaultInterval;
        minInterval = minInterval == null ? Duration.ofMinutes(1) : minInterval;
        maxBackoff = maxBackoff == null ? Duration.ofHours(6) : maxBackoff;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        maxDocumentSize = maxDocumentSize == null ? DataSize.ofMegabytes(5) : maxDocumentSize;
        seenRetention = seenRetention == null ? Duration.ofDays(30) : seenRetention;
    }
}
