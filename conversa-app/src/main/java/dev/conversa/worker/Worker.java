package dev.conversa.worker;

import dev.conversa.kernel.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background loop (a poller, a queue worker, a stream): one thread runs {@link #round} after round and waits what
 * each round asked for. A round that throws is a failure: the worker waits by its {@link Backoff} (failures in a row
 * count up, the next success resets them) and goes on, so one bad round never ends the work. Start, stop, failure
 * handling and the figures that {@code /actuator/health} and the {@code conversa.worker.*} metrics show are the same
 * for every worker; a subclass writes only its round. Stopping interrupts the round and waits for it a short while.
 * (The public methods are not final so that a transactional subclass's proxy hands them to the worker itself.)
 */
public abstract class Worker implements SmartLifecycle {
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final String name;
    private final Backoff backoff;
    private final boolean platformThread;
    private final Logger log;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean wakeRequested;
    private volatile boolean running;
    private volatile Thread thread;
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile int failuresInRow;
    private volatile Instant lastSuccess;
    private volatile String lastError;

    /** A worker on a virtual thread, named {@code name} in logs, health and metrics. */
    protected Worker(String name, Backoff onFailure) {
        this(name, onFailure, false);
    }

    /**
     * {@code platformThread}: a daemon platform thread instead of a virtual one, for work that must not wait behind
     * busy virtual threads (lease renewal).
     */
    protected Worker(String name, Backoff onFailure, boolean platformThread) {
        this.name = name;
        this.backoff = onFailure;
        this.platformThread = platformThread;
        this.log = LoggerFactory.getLogger(getClass());
    }

    /**
     * One round of work. Returns how long to wait before the next round ({@link Duration#ZERO}: at once; a
     * {@link #wake} ends the wait early). Throws to report a failure; an interruption means the worker stops.
     */
    protected abstract Duration round() throws Exception;

    /** Whether this worker runs on this node at all (a source that is switched off); asked once, at start. */
    protected boolean enabled() {
        return true;
    }

    /** How long after start the first round runs (zero: at once). */
    protected Duration firstRoundAfter() {
        return Duration.ZERO;
    }

    /** Called by {@link #start} before the loop's thread starts: open what the rounds use. */
    protected void starting() {
    }

    /**
     * Called by {@link #stop} before it waits for the loop: end what the round is blocked on. A worker that ends its
     * round this way (closing its connection) returns false from {@link #interruptOnStop}, so that the round's own
     * clean-up (saving a cursor, say) is not interrupted half-way.
     */
    protected void stopping() {
    }

    /** Whether {@link #stop} interrupts the round (the default) or lets {@link #stopping} end it. */
    protected boolean interruptOnStop() {
        return true;
    }

    /** Called by {@link #stop} once the loop has ended (or its grace ran out): close what the worker holds. */
    protected void stopped() {
    }

    /** Ends the current wait, so that work that just arrived is taken at once. */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public String name() {
        return name;
    }

    @Override
    public void start() {
        if (running || !enabled()) {
            return;
        }
        starting();
        running = true;
        Thread.Builder builder = platformThread ? Thread.ofPlatform().daemon() : Thread.ofVirtual();
        thread = builder.name(name).start(this::loop);
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        Thread t = thread;
        thread = null;
        stopping();
        wake();
        if (t != null) {
            if (interruptOnStop()) {
                t.interrupt();
            }
            try {
                t.join(STOP_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopped();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the loop is still going: a running worker whose thread died (an {@link Error}) is not. */
    private boolean alive() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    public Status status() {
        return new Status(name, running, alive(), rounds.get(), failures.get(), failuresInRow, lastSuccess, lastError);
    }

    /** What health and metrics show of a worker. */
    public record Status(String name, boolean running, boolean alive, long rounds, long failures, int failuresInRow,
                         Instant lastSuccess, String lastError) {
    }

    private void loop() {
        if (!pause(firstRoundAfter())) {
            return;
        }
        while (running) {
            Duration wait;
            try {
                wait = round();
                rounds.incrementAndGet();
                failuresInRow = 0;
                lastSuccess = Instant.now();
            } catch (InterruptedException e) {
                return;
            } catch (Error e) {
                // not a failed round (out of memory, a broken class path): the loop ends and health shows it down
                lastError = e.toString();
                log.error("{} stopped: {}", name, e.toString(), e);
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                failures.incrementAndGet();
                int inRow = ++failuresInRow;
                lastError = e.toString();
                wait = backoff.after(inRow);
                if (inRow == 1) {
                    log.warn("{} failed; trying again in {}", name, wait, e);
                } else if (Integer.bitCount(inRow) == 1) { // 2, 4, 8...: a lasting failure does not flood the log
                    log.warn("{} failed {} times in a row; trying again in {}: {}", name, inRow, wait, e.toString());
                }
            }
            if (!pause(wait == null ? Duration.ZERO : wait)) {
                return;
            }
        }
    }

    /** Waits up to {@code wait} or until {@link #wake}; false when interrupted (the worker stops). */
    private boolean pause(Duration wait) {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (!wakeRequested && nanos > 0 && running) {
                nanos = woken.awaitNanos(nanos);
            }
            wakeRequested = false;
            return running;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }
}
