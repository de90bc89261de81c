package dev.conversa.lease;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A lease this node took, with the token it got. {@link #held()} turns false as soon as the lease is lost, released,
 * or not renewed within its duration (a node cut off from the database stops its work when its leases run out);
 * {@link #fence()} checks in the database, inside the caller's transaction, before a cursor moves.
 */
public final class Lease {
    private static final Logger log = LoggerFactory.getLogger(Lease.class);

    private final String name;
    /** The name in the lease table (with the installation's scope). */
    private final String stored;
    private final String holder;
    private final long token;
    private final LeaseStore store;
    private final List<Runnable> onLost = new CopyOnWriteArrayList<>();
    /** Until when (System.nanoTime()) this node may act on it: the last successful renewal's start plus the duration. */
    private volatile long validUntil;
    private volatile Instant expiresAt;
    private volatile boolean lost;

    Lease(String name, String stored, String holder, long token, LeaseStore store, long renewedAtNanos, Instant renewedAt,
          Duration duration) {
        this.name = name;
        this.stored = stored;
        this.holder = holder;
        this.token = token;
        this.store = store;
        renewed(renewedAtNanos, renewedAt, duration);
    }

    public String name() {
        return name;
    }

    /** The fencing token: incremented on every takeover, so it identifies this tenure of the lease. */
    public long token() {
        return token;
    }

    /** When the lease runs out unless renewed (as last renewed by this node). */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Whether this node may still do the lease's work. */
    public boolean held() {
        return !lost && System.nanoTime() - validUntil < 0;
    }

    /** Runs {@code action} once when the lease is lost (at once if it already is): stop the work it guards there. */
    public void whenLost(Runnable action) {
        onLost.add(action);
        if (lost) {
            runLost(action);
        }
    }

    /**
     * Throws {@link LeaseLost} unless this node still holds the lease with this token, and keeps the lease's row
     * locked until the surrounding transaction ends, so no other node takes over between this check and the
     * caller's write. Must run inside a transaction.
     */
    public void fence() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Lease.fence() guards a write in the same transaction: none is active");
        }
        if (!held() || !store.stillHeldLocked(stored, holder, token)) {
            lose();
            throw new LeaseLost(name, token);
        }
    }

    void renewed(long atNanos, Instant at, Duration duration) {
        validUntil = atNanos + duration.toNanos();
        expiresAt = at.plus(duration);
    }

    String stored() {
        return stored;
    }

    String holder() {
        return holder;
    }

    void lose() {
        end("lost: its work stops on this node");
    }

    /** Given up by this node (released); its work stops here too. */
    void released() {
        end("released");
    }

    private void end(String how) {
        if (lost) {
            return;
        }
        lost = true;
        log.info("Lease {} (token {}) {}", name, token, how);
        onLost.forEach(this::runLost);
    }

    private void runLost(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Stopping the work of lease {} failed", name, e);
        }
    }

    @Override
    public String toString() {
        return name + "#" + token;
    }
}
