package dev.conversa.channel.twitter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The X mentions poller ({@code conversa.channels.x.*}), for accounts polled instead of subscribed to the Account
 * Activity API.
 *
 * @param every    how often each account's mentions timeline is read (X allows 10 reads per 15 minutes per user on the
 *                 Basic tier, 180 on Pro: keep it at 60 s or more there)
 * @param maxPages pages of 100 followed back to the last seen post in one poll; X keeps the 800 most recent mentions,
 *                 so 8 reach all it still has
 */
@ConfigurationProperties("conversa.channels.x.mentions")
record MentionsPolling(Duration every, Integer maxPages) {
    MentionsPolling {
        every = every == null ? Duration.ofSeconds(60) : every;
        maxPages = maxPages == null ? 8 : maxPages;
    }
}
