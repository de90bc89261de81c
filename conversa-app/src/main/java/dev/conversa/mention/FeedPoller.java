package dev.conversa.mention;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Backoff;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.worker.Worker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Polls every workspace's feeds when they are due and hands their new entries to the listening intake, where the
 * workspace's standing queries match them into mentions (source {@code rss}, for RSS and Atom alike).
 *
 * <p>All of a feed's state is in the database: the validators for the conditional GET, the next poll, the
 * consecutive failures and the ids of the entries seen, so a restart (or another node) goes on without
 * duplicates. An entry is remembered as seen only after the intake took it, and the validators are stored only
 * after every entry of the document was handled: a crash in between fetches the document again and skips what
 * was already taken (the intake is idempotent as well). Feeds are polled one after another on one virtual thread,
 * so a slow database slows the polling down instead of piling work up.
 */
@Component
class FeedPoller extends Worker {
    static final String SOURCE = "rss";
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    private static final int BATCH = 50;

    private final FeedStore store;
    private final FeedFetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final MentionService mentions;
    private final FeedProperties properties;
    private final Clock clock;

    FeedPoller(FeedStore store, FeedFetcher fetcher, MentionService mentions, FeedProperties properties,
               ObjectProvider<Clock> clock) {
        super("listening-feeds", failureBackoff(properties));
        this.store = store;
        this.fetcher = fetcher;
        this.mentions = mentions;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Polls the feeds due now; returns how many were polled. */
    int pollDue() {
        Instant now = clock.instant();
        int polled = 0;
        for (FeedStore.DueFeed feed : store.due(now, BATCH)) {
            // the claim outlasts the longest poll: a crashed poll is retried by the next tick after that
            if (store.claim(feed.id(), feed.nextPollAt(), now.plus(properties.timeout().multipliedBy(3)))) {
                runFeed(feed);
                polled++;
            }
        }
        return polled;
    }

    /**
     * One poll of one feed, from the request to the stored state. Everything a poll does goes through here, so
     * running a feed on one node of several only needs this call wrapped.
     */
    void runFeed(FeedStore.DueFeed feed) {
        Instant now = clock.instant();
        Duration interval = Duration.ofSeconds(feed.intervalSeconds());
        FeedFetcher.Answer answer;
        try {
            answer = fetcher.fetch(feed.url(), feed.etag(), feed.lastModified());
        } catch (IOException | IllegalArgumentException e) {
            failed(feed, now, "unreachable: " + e.getMessage(), 0);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(feed, now, "interrupted", 0);
            return;
        }
        if (answer.status() == 304) {
            store.notModified(feed.id(), now, now.plus(interval));
            return;
        }
        if (answer.status() != 200) {
            failed(feed, now, "HTTP " + answer.status(), answer.retryAfter().orElse(0));
            return;
        }
        List<FeedEntry> entries;
        try {
            entries = parser.parse(new ByteArrayInputStream(answer.body()));
        } catch (FeedFormatException e) {
            failed(feed, now, e.getMessage(), 0);
            return;
        }
        int fresh = 0;
        for (FeedEntry entry : entries) {
            String key = key(entry);
            if (store.seen(feed.id(), key)) {
                continue;
            }
            if (!entry.text().isBlank()) {
                try {
                    mentions.ingest(post(feed, entry, key), Actor.system(feed.workspaceId()));
                } catch (InvalidInputException refused) {
                    // an entry the intake can never take must not stop the feed: it is logged and passed over
                    log.info("Feed {}: entry {} refused: {}", feed.id(), key, refused.getMessage());
                }
            }
            store.markSeen(feed.id(), key, now);
            fresh++;
        }
        store.succeeded(feed.id(), answer.etag(), answer.lastModified(),
                "200: " + entries.size() + " entries, " + fresh + " new", now, now.plus(interval), fresh);
        store.forgetSeenBefore(feed.id(), now.minus(properties.seenRetention()));
    }

    /** Waits twice the interval after the first failure, four times after the second, up to the longest backoff. */
    private void failed(FeedStore.DueFeed feed, Instant now, String status, long retryAfterSeconds) {
        Duration interval = Duration.ofSeconds(feed.intervalSeconds());
        int failures = feed.failures() + 1;
        Duration first = interval.multipliedBy(2);
        Duration cap = properties.maxBackoff().compareTo(interval) > 0 ? properties.maxBackoff() : interval;
        Duration wait = Backoff.atLeast(new Backoff(first.compareTo(cap) > 0 ? cap : first, cap).after(failures),
                Duration.ofSeconds(retryAfterSeconds), Duration.ofDays(1));
        log.info("Feed {} of workspace {}: {} (failure {}, next poll in {})", feed.id(), feed.workspaceId(), status,
                failures, wait);
        store.failed(feed.id(), status, now, now.plus(wait));
    }

    /** The entry's id when it fits the mention's external id, else a digest of what identifies it. */
    static String key(FeedEntry entry) {
        String identity = entry.id() != null ? entry.id() : "text:" + entry.text();
        if (identity.length() <= 200 && entry.id() != null) {
            return identity;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicPost post(FeedStore.DueFeed feed, FeedEntry entry, String key) {
        String text = entry.text().length() > MentionService.MAX_TEXT ? entry.text().substring(0, MentionService.MAX_TEXT)
                : entry.text();
        String link = entry.link() != null && entry.link().length() <= 2000 && entry.link().matches("(?i)https?://.+")
                ? entry.link() : null;
        String author = entry.author() == null || entry.author().isBlank() ? null
                : entry.author().length() > 200 ? entry.author().substring(0, 200) : entry.author();
        return new PublicPost(SOURCE, key, text, author, null, link, entry.lang(), null, site(link != null ? link : feed.url()),
                entry.published(), null);
    }

    private static String site(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A failed round (the database is away, say): the claimed feed is polled again once its claim runs out. */
    @Override
    protected Duration round() {
        pollDue();
        return properties.tick();
    }

    private static Backoff failureBackoff(FeedProperties properties) {
        return new Backoff(properties.tick(), properties.maxBackoff().compareTo(properties.tick()) > 0
                ? properties.maxBackoff() : properties.tick());
    }
}
