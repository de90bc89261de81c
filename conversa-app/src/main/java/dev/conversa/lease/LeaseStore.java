package dev.conversa.lease;

import dev.conversa.kernel.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code lease} table. Every change is one conditional statement, so two nodes racing for a lease cannot both
 * win: the database serialises the updates of one row, and the primary key settles a race to create it.
 * Times are the nodes' clocks (they must agree to well within a lease's duration, as NTP keeps them); fencing does not
 * depend on clocks: it compares tokens.
 */
@Repository
class LeaseStore {
    /** One row as stored. */
    record Row(String name, String holder, long token, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    LeaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the lease when it is free (never held, released, or expired); answers the new token. A takeover always
     * increments the token, so whatever the previous holder still tries under its token is refused.
     */
    Optional<Long> acquire(String name, String holder, Instant now, Duration duration) {
        int taken = jdbc.sql("""
                UPDATE lease SET holder = ?, token = token + 1, expires_at = ?, acquired_at = ?
                WHERE name = ? AND (holder IS NULL OR expires_at < ?)""")
                .params(holder, Sql.ts(now.plus(duration)), Sql.ts(now), name, Sql.ts(now)).update();
        if (taken == 0) {
            try {
                jdbc.sql("INSERT INTO lease (name, holder, token, expires_at, acquired_at) VALUES (?, ?, 1, ?, ?)")
                        .params(name, holder, Sql.ts(now.plus(duration)), Sql.ts(now)).update();
            } catch (DuplicateKeyException heldOrJustTaken) {
                return Optional.empty();
            }
        }
        return row(name).filter(r -> holder.equals(r.holder())).map(Row::token);
    }

    /** Extends the lease while this holder still has it with this token; false once anyone else took it over. */
    boolean renew(String name, String holder, long token, Instant now, Duration duration) {
        return jdbc.sql("UPDATE lease SET expires_at = ? WHERE name = ? AND holder = ? AND token = ?")
                .params(Sql.ts(now.plus(duration)), name, holder, token).update() == 1;
    }

    /**
     * Extends every lease of this holder in one statement and answers what it still holds. A lease that expired
     * without anyone taking it is still this holder's (same token: nobody acted under another), so it is kept.
     */
    List<Row> renewAll(String holder, Instant now, Duration duration) {
        jdbc.sql("UPDATE lease SET expires_at = ? WHERE holder = ?").params(Sql.ts(now.plus(duration)), holder).update();
        return jdbc.sql("SELECT name, holder, token, expires_at FROM lease WHERE holder = ?").param(holder)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), Sql.instant(rs, "expires_at")))
                .list();
    }

    /** Frees the lease for the next taker at once (a clean shutdown, or work that ended); a stale holder frees nothing. */
    boolean release(String name, String holder, long token, Instant now) {
        return jdbc.sql("UPDATE lease SET holder = NULL, expires_at = ? WHERE name = ? AND holder = ? AND token = ?")
                .params(Sql.ts(now), name, holder, token).update() == 1;
    }

    /**
     * Whether this holder still has the lease with this token, locking its row until the caller's transaction ends:
     * a takeover waits for that transaction, so what it writes is never written by a holder that already lost.
     */
    boolean stillHeldLocked(String name, String holder, long token) {
        return jdbc.sql("SELECT holder, token FROM lease WHERE name = ? FOR UPDATE").param(name)
                .query((rs, n) -> holder.equals(rs.getString(1)) && rs.getLong(2) == token).optional().orElse(false);
    }

    Optional<Row> row(String name) {
        return jdbc.sql("SELECT name, holder, token, expires_at FROM lease WHERE name = ?").param(name)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), Sql.instant(rs, "expires_at")))
                .optional();
    }
}
