package dev.conversa.worker;

import dev.conversa.kernel.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A worker for a persisted queue whose rows are claimed with a lease (outbound messages, automation webhooks): each
 * round claims the due rows and processes each on a virtual thread of its own, at most {@code concurrency} at once;
 * it is woken when a row is queued and otherwise looks every {@code pollInterval}. On stop it claims nothing more and
 * lets the rows in flight finish for up to {@code drain}, so that a restart does not process them again; a row whose
 * node died mid-way is claimed again once its lease ran out.
 *
 * @param <T> a claimed row
 */
public abstract class QueueWorker<T> extends Worker {
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final int concurrency;
    private final Duration pollInterval;
    private final Duration drain;
    private final Semaphore inFlight;
    private volatile ExecutorService processing;

    protected QueueWorker(String name, int concurrency, Duration pollInterval, Duration drain) {
        super(name, new Backoff(pollInterval, pollInterval.compareTo(Duration.ofSeconds(30)) > 0
                ? pollInterval : Duration.ofSeconds(30)));
        this.concurrency = concurrency;
        this.pollInterval = pollInterval;
        this.drain = drain;
        this.inFlight = new Semaphore(concurrency);
    }

    /** The ids of up to {@code max} rows due at {@code now}. */
    protected abstract List<Long> due(Instant now, int max);

    /** Claims the row for this node, unless another node claimed it first or it is no longer due. */
    protected abstract Optional<T> claim(long id, Instant now);

    /** Processes a claimed row and records its outcome; runs on a virtual thread of its own. */
    protected abstract void process(T claimed);

    /** Wakes the worker once the caller's transaction (if any) has committed what it queued. */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    @Override
    protected final Duration round() throws InterruptedException {
        for (long id : due(Instant.now(), concurrency * 4)) {
            inFlight.acquire();
            Optional<T> claimed;
            try {
                claimed = isRunning() ? claim(id, Instant.now()) : Optional.empty();
            } catch (RuntimeException e) {
                inFlight.release();
                throw e;
            }
            if (claimed.isEmpty()) {
                inFlight.release();
                continue;
            }
            processing.execute(() -> {
                try {
                    process(claimed.get());
                } finally {
                    inFlight.release();
                }
            });
        }
        return pollInterval;
    }

    /** Stops (and drains) before the web server and the data source go away. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1000;
    }

    @Override
    protected final void starting() {
        processing = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name() + "-", 0).factory());
    }

    @Override
    protected final void stopped() {
        processing.shutdown();
        try {
            if (!processing.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{}: rows still in flight at shutdown; their leases will run out and they will be claimed again",
                        name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
