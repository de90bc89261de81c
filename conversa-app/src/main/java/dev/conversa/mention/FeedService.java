package dev.conversa.mention;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The RSS and Atom feeds a workspace listens to (workspace admins). A feed's new entries are matched against the
 * workspace's standing queries and stored as mentions with source {@code rss}; see {@code docs/listening.md}.
 */
@Service
public class FeedService {
    static final int MAX_INTERVAL_SECONDS = 86_400;
    private final FeedStore store;
    private final FeedProperties properties;
    private final Clock clock;

    FeedService(FeedStore store, FeedProperties properties, ObjectProvider<Clock> clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Starts listening to a feed; its first poll is due at once.
     *
     * @param intervalSeconds seconds between polls; the configured default when {@code null}
     * @throws InvalidInputException for a URL that is not absolute http(s) or an interval out of range
     * @throws ConflictException     when the workspace already listens to this URL
     */
    public Feed add(String url, Integer intervalSeconds, Actor actor) {
        actor.require(Role.ADMIN);
        long ws = actor.workspace();
        String checked = checkedUrl(url);
        long min = properties.minInterval().toSeconds();
        int interval = intervalSeconds == null ? (int) properties.defaultInterval().toSeconds() : intervalSeconds;
        if (interval < min || interval > MAX_INTERVAL_SECONDS) {
            throw new InvalidInputException("intervalSeconds", "the interval is " + min + " to " + MAX_INTERVAL_SECONDS
                    + " seconds");
        }
        try {
            long id = store.insert(ws, checked, interval, clock.instant());
            return store.find(ws, id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("url", "this workspace already listens to " + checked);
        }
    }

    public List<Feed> list(Actor actor) {
        actor.require(Role.ADMIN);
        return store.list(actor.workspace());
    }

    public Feed get(long id, Actor actor) {
        actor.require(Role.ADMIN);
        return store.find(actor.workspace(), id).orElseThrow(() -> new NotFoundException("feed", id));
    }

    /** Stops listening; the mentions found in the feed stay. */
    public void remove(long id, Actor actor) {
        actor.require(Role.ADMIN);
        if (!store.delete(actor.workspace(), id)) {
            throw new NotFoundException("feed", id);
        }
    }

    private static String checkedUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            throw new InvalidInputException("url", "the feed's URL is required (at most 2,000 characters)");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidInputException("url", "the feed's URL is an absolute http or https URL");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "not a URL: " + e.getReason());
        }
    }
}
