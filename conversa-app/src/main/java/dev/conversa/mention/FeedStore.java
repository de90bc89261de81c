package dev.conversa.mention;

import dev.conversa.kernel.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for listening feeds and the entries already seen. */
@Repository
class FeedStore {
    private final JdbcClient jdbc;

    FeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A feed as the poller needs it. */
    record DueFeed(long id, long workspaceId, String url, int intervalSeconds, String etag, String lastModified,
                   int failures, Instant nextPollAt) {
    }

    /** @throws DuplicateKeyException when the workspace already listens to this URL */
    long insert(long ws, String url, int intervalSeconds, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO listening_feed (workspace_id, url, interval_seconds, next_poll_at, failures, entries, created_at)
                VALUES (?, ?, ?, ?, 0, 0, ?)""")
                .params(ws, url, intervalSeconds, Sql.ts(now), Sql.ts(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Feed> find(long ws, long id) {
        return jdbc.sql("SELECT * FROM listening_feed WHERE workspace_id = ? AND id = ?").params(ws, id)
                .query(FeedStore::feed).optional();
    }

    List<Feed> list(long ws) {
        return jdbc.sql("SELECT * FROM listening_feed WHERE workspace_id = ? ORDER BY id").param(ws)
                .query(FeedStore::feed).list();
    }

    boolean delete(long ws, long id) {
        jdbc.sql("DELETE FROM listening_feed_entry WHERE feed_id IN (SELECT id FROM listening_feed WHERE workspace_id = ? AND id = ?)")
                .params(ws, id).update();
        return jdbc.sql("DELETE FROM listening_feed WHERE workspace_id = ? AND id = ?").params(ws, id).update() == 1;
    }

    List<DueFeed> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id, workspace_id, url, interval_seconds, etag, last_modified, failures, next_poll_at
                FROM listening_feed WHERE next_poll_at <= ? ORDER BY next_poll_at, id FETCH FIRST ? ROWS ONLY""")
                .params(Sql.ts(now), limit)
                .query((rs, n) -> new DueFeed(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("url"),
                        rs.getInt("interval_seconds"), rs.getString("etag"), rs.getString("last_modified"),
                        rs.getInt("failures"), Sql.instant(rs, "next_poll_at")))
                .list();
    }

    /**
     * Takes a due feed for one poll by moving its next poll past the poll's longest duration, if no other poller
     * took it since it was read: two pollers never fetch the same feed at once.
     */
    boolean claim(long id, Instant seenNextPollAt, Instant until) {
        return jdbc.sql("UPDATE listening_feed SET next_poll_at = ? WHERE id = ? AND next_poll_at = ?")
                .params(Sql.ts(until), id, Sql.ts(seenNextPollAt)).update() == 1;
    }

    boolean seen(long feedId, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM listening_feed_entry WHERE feed_id = ? AND entry_key = ?")
                .params(feedId, key).query(Long.class).single() > 0;
    }

    void markSeen(long feedId, String key, Instant now) {
        try {
            jdbc.sql("INSERT INTO listening_feed_entry (feed_id, entry_key, seen_at) VALUES (?, ?, ?)")
                    .params(feedId, key, Sql.ts(now)).update();
        } catch (DuplicateKeyException alreadySeen) {
            // the entry was seen meanwhile: nothing to remember twice
        }
    }

    void forgetSeenBefore(long feedId, Instant before) {
        jdbc.sql("DELETE FROM listening_feed_entry WHERE feed_id = ? AND seen_at < ?").params(feedId, Sql.ts(before)).update();
    }

    void succeeded(long id, String etag, String lastModified, String status, Instant now, Instant next, int newEntries) {
        jdbc.sql("""
                UPDATE listening_feed SET etag = ?, last_modified = ?, last_status = ?, last_polled_at = ?, next_poll_at = ?,
                    failures = 0, entries = entries + ? WHERE id = ?""")
                .params(etag, lastModified, status, Sql.ts(now), Sql.ts(next), newEntries, id).update();
    }

    void notModified(long id, Instant now, Instant next) {
        jdbc.sql("""
                UPDATE listening_feed SET last_status = '304: not modified', last_polled_at = ?, next_poll_at = ?, failures = 0
                WHERE id = ?""")
                .params(Sql.ts(now), Sql.ts(next), id).update();
    }

    void failed(long id, String status, Instant now, Instant next) {
        jdbc.sql("UPDATE listening_feed SET last_status = ?, last_polled_at = ?, next_poll_at = ?, failures = failures + 1 WHERE id = ?")
                .params(status.length() > 500 ? status.substring(0, 500) : status, Sql.ts(now), Sql.ts(next), id).update();
    }

    private static Feed feed(ResultSet rs, int n) throws SQLException {
        return new Feed(rs.getLong("id"), rs.getString("url"), rs.getInt("interval_seconds"), Sql.instant(rs, "last_polled_at"),
                Sql.instant(rs, "next_poll_at"), rs.getString("last_status"), rs.getInt("failures"), rs.getLong("entries"),
                Sql.instant(rs, "created_at"));
    }
}
