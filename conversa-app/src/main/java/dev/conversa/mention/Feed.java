package dev.conversa.mention;

import java.time.Instant;

/**
 * An RSS or Atom feed a workspace listens to, with its poller's state.
 *
 * @param lastStatus what the last poll found, e.g. {@code 200: 20 entries, 3 new}, {@code 304: not modified} or the
 *                   error that made it back off
 * @param failures   consecutive failed polls (0 after a success); the wait doubles with each
 * @param entries    entries handed to the listening intake since the feed was added
 */
public record Feed(long id, String url, int intervalSeconds, Instant lastPolledAt, Instant nextPollAt,
                   String lastStatus, int failures, long entries, Instant createdAt) {
}
