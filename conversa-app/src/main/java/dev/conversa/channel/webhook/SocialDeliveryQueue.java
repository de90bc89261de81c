package dev.conversa.channel.webhook;

import dev.conversa.kernel.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The persisted intake queue. Webhook controllers and stream readers {@link #enqueue} and answer at once; the
 * {@link SocialWorker} (or a test, through {@link #processAll}) processes due deliveries. Rows are claimed with an
 * optimistic update, so several nodes can share the queue; a claim that is not finished in five minutes (a crashed
 * node) becomes due again. A delivery that gives up becomes a dead letter ({@link DeadLetters}).
 */
@Component
public class SocialDeliveryQueue {
    private static final Logger log = LoggerFactory.getLogger(SocialDeliveryQueue.class);
    static final int MAX_ATTEMPTS = 8;
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final DeadLetterCounter deadCounter;
    private final Map<String, SocialDeliveryHandler> handlers;
    private final Object signal = new Object();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    SocialDeliveryQueue(JdbcClient jdbc, List<SocialDeliveryHandler> handlers, DeadLetterCounter deadCounter) {
        this.jdbc = jdbc;
        this.deadCounter = deadCounter;
        this.handlers = handlers.stream().collect(Collectors.toMap(SocialDeliveryHandler::source, Function.identity()));
    }

    /** Stores a delivery; {@code false} when the same one (same dedup key) was stored before. */
    public boolean enqueue(long workspaceId, long inboxId, String source, String dedupKey, String payload) {
        Instant now = Instant.now();
        try {
            jdbc.sql("""
                    INSERT INTO social_delivery (workspace_id, inbox_id, source, dedup_key, payload, status, attempts,
                                                 received_at, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                    .params(workspaceId, inboxId, source, dedupKey, payload, Sql.ts(now), Sql.ts(now))
                    .update();
        } catch (DuplicateKeyException replay) {
            return false;
        }
        wake();
        return true;
    }

    /** Wakes the worker: a delivery is due now (a new one, or a dead letter an admin replayed). */
    void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** SHA-256 of a raw body: the dedup key of providers that give no delivery id. */
    public static String digest(String body) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Processes every due delivery once; returns how many were processed successfully. */
    public int processDue() {
        record Due(long id, String status, int attempts) {
        }
        List<Due> due = jdbc.sql("""
                SELECT id, status, attempts FROM social_delivery
                WHERE status IN ('PENDING', 'WORKING') AND next_attempt_at <= ? ORDER BY id FETCH FIRST 100 ROWS ONLY""")
                .param(Sql.ts(Instant.now()))
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getString("status"), rs.getInt("attempts"))).list();
        int done = 0;
        for (Due d : due) {
            inFlight.incrementAndGet(); // before the claim, so processAll never sees a claimed row as finished
            try {
                int claimed = jdbc.sql("""
                        UPDATE social_delivery SET status = 'WORKING', attempts = attempts + 1, next_attempt_at = ?
                        WHERE id = ? AND status = ? AND attempts = ?""")
                        .params(Sql.ts(Instant.now().plus(CLAIM)), d.id(), d.status(), d.attempts()).update();
                if (claimed == 1 && process(d.id())) {
                    done++;
                }
            } finally {
                inFlight.decrementAndGet();
            }
        }
        return done;
    }

    /**
     * "Process now": drains the queue of everything due, and waits (up to 30 seconds) for deliveries this node's
     * worker is processing at the same time, so that the caller sees their effect (for tests and admin tools).
     */
    public int processAll() {
        int total = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            int n = processDue();
            total += n;
            if (n == 0 && inFlight.get() == 0 && processDue() == 0) {
                break;
            }
            if (n == 0) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return total;
    }

    /** Counts stored deliveries of an inbox (for tests and the admin page). */
    public long count(long inboxId) {
        return jdbc.sql("SELECT COUNT(*) FROM social_delivery WHERE inbox_id = ?").param(inboxId).query(Long.class).single();
    }

    void awaitWork(Duration max) throws InterruptedException {
        synchronized (signal) {
            signal.wait(max.toMillis());
        }
    }

    private boolean process(long id) {
        SocialDelivery d = jdbc.sql("SELECT * FROM social_delivery WHERE id = ?").param(id)
                .query((rs, n) -> new SocialDelivery(rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("inbox_id"),
                        rs.getString("source"), rs.getString("payload"), rs.getInt("attempts"), Sql.instant(rs, "received_at")))
                .single();
        SocialDeliveryHandler handler = handlers.get(d.source());
        try {
            if (handler == null) {
                throw new IllegalStateException("no handler for source " + d.source());
            }
            handler.process(d);
            jdbc.sql("UPDATE social_delivery SET status = 'DONE', processed_at = ?, last_error = NULL WHERE id = ?")
                    .params(Sql.ts(Instant.now()), id).update();
            return true;
        } catch (SocialDeliveryHandler.Unrecognised e) {
            dead(d, "unknown-shape", e.getMessage());
            return false;
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (d.attempts() >= MAX_ATTEMPTS) {
                dead(d, e instanceof SocialDeliveryHandler.NoInbox ? "no-inbox" : "failed", error);
                return false;
            }
            if (!(e instanceof SocialDeliveryHandler.ProcessLater)) {
                log.info("social delivery {} ({}) failed, will retry: {}", id, d.source(), error);
            }
            // Backoff 2s, 4s, 8s... capped at 10 minutes.
            Duration backoff = Duration.ofSeconds(Math.min(600, 1L << Math.min(d.attempts(), 10)));
            jdbc.sql("UPDATE social_delivery SET status = 'PENDING', last_error = ?, next_attempt_at = ? WHERE id = ?")
                    .params(clip(error), Sql.ts(Instant.now().plus(backoff)), id)
                    .update();
            return false;
        }
    }

    /** Gives a delivery up: it goes to the dead-letter list (see {@link DeadLetters}), never silently away. */
    private void dead(SocialDelivery d, String reason, String error) {
        log.warn("social delivery {} ({}) is a dead letter ({}): {}", d.id(), d.source(), reason, error);
        Instant now = Instant.now();
        jdbc.sql("""
                UPDATE social_delivery SET status = 'DEAD', dead_reason = ?, dead_at = ?, last_error = ?, next_attempt_at = ?
                WHERE id = ?""").params(reason, Sql.ts(now), clip(error), Sql.ts(now), d.id()).update();
        deadCounter.increment(d.workspaceId(), d.inboxId(), reason);
    }

    private static String clip(String error) {
        String e = error == null ? "" : error;
        return e.substring(0, Math.min(e.length(), 2000));
    }
}
