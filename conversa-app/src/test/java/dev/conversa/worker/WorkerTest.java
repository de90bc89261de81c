package dev.conversa.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.kernel.Backoff;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.health.contributor.Status;

class WorkerTest {

    /** An {@link Error} of the test's own (the build tool treats a real OutOfMemoryError as its fork failing). */
    static final class Fatal extends Error {
        Fatal(String message) {
            super(message);
        }
    }

    /** A worker whose n-th round (from 1) does what {@code rounds} says. */
    static class Scripted extends Worker {
        final AtomicInteger calls = new AtomicInteger();
        final IntFunction<Duration> rounds;
        volatile boolean stoppedCalled;

        Scripted(String name, Backoff backoff, IntFunction<Duration> rounds) {
            super(name, backoff);
            this.rounds = rounds;
        }

        @Override
        protected Duration round() {
            return rounds.apply(calls.incrementAndGet());
        }

        @Override
        protected void stopped() {
            stoppedCalled = true;
        }
    }

    @Test
    void aFailingRoundBacksOffAndTheNextSuccessResetsTheCount() {
        Scripted w = new Scripted("scripted", new Backoff(Duration.ofMillis(10), Duration.ofMillis(40)), n -> {
            if (n <= 3) {
                throw new IllegalStateException("round " + n + " fails");
            }
            return Duration.ofMillis(5);
        });
        w.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> w.status().rounds() >= 2);
            Worker.Status s = w.status();
            assertThat(s.failures()).isEqualTo(3);
            assertThat(s.failuresInRow()).isZero();
            assertThat(s.lastError()).contains("round 3 fails");
            assertThat(s.lastSuccess()).isNotNull();
            assertThat(s.running()).isTrue();
            assertThat(s.alive()).isTrue();
        } finally {
            w.stop();
        }
        assertThat(w.stoppedCalled).isTrue();
        assertThat(w.isRunning()).isFalse();
    }

    @Test
    void wakeEndsTheWaitAndStopInterruptsALongWait() {
        Scripted w = new Scripted("sleepy", new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1)), n -> Duration.ofHours(1));
        w.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> w.calls.get() == 1);
        w.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> w.calls.get() == 2);
        long before = System.nanoTime();
        w.stop();
        // the hour-long wait did not hold the stop up (the grace is 5 s)
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
        assertThat(w.status().alive()).isFalse();
        int calls = w.calls.get();
        w.start(); // a stopped worker starts again
        await().atMost(Duration.ofSeconds(5)).until(() -> w.calls.get() == calls + 1);
        w.stop();
    }

    @Test
    void aDisabledWorkerDoesNotStartAndFirstRoundAfterDelaysTheFirstRound() {
        Worker off = new Worker("off", new Backoff(Duration.ofMillis(1), Duration.ofMillis(1))) {
            @Override
            protected boolean enabled() {
                return false;
            }

            @Override
            protected Duration round() {
                throw new AssertionError("a disabled worker ran");
            }
        };
        off.start();
        assertThat(off.isRunning()).isFalse();

        Scripted later = new Scripted("later", new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)), n -> Duration.ZERO) {
            @Override
            protected Duration firstRoundAfter() {
                return Duration.ofHours(1);
            }
        };
        later.start();
        later.wake(); // a wake ends the first wait as it ends any other
        await().atMost(Duration.ofSeconds(5)).until(() -> later.calls.get() > 0);
        later.stop();
    }

    @Test
    void healthIsDownWhenARunningWorkersLoopDiedAndMetricsCountRoundsAndFailures() {
        Scripted dies = new Scripted("dies", new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)), n -> {
            if (n == 1) {
                throw new IllegalStateException("ordinary failure");
            }
            throw new Fatal("simulated: an Error is not a failed round");
        });
        Scripted fine = new Scripted("fine", new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)), n -> Duration.ofMillis(5));
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("dies", dies);
        beans.registerSingleton("fine", fine);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Workers workers = new Workers(beans.getBeanProvider(Worker.class), meters);
        workers.afterSingletonsInstantiated();
        fine.start();
        assertThat(workers.health().getStatus()).isEqualTo(Status.UP);
        dies.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> !dies.status().alive());
            assertThat(dies.isRunning()).as("stopped by nobody").isTrue();
            assertThat(workers.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(workers.health().getDetails()).containsKeys("dies", "fine");
            await().atMost(Duration.ofSeconds(5)).until(() -> fine.status().rounds() >= 3);
            assertThat(meters.get("conversa.worker.rounds").tag("worker", "fine").functionCounter().count())
                    .isGreaterThanOrEqualTo(3);
            assertThat(meters.get("conversa.worker.failures").tag("worker", "dies").functionCounter().count())
                    .isEqualTo(1);
        } finally {
            dies.stop();
            fine.stop();
        }
    }

    @Test
    void aQueueWorkerProcessesEachClaimedRowOnceAndDrainsOnStop() {
        ConcurrentLinkedQueue<Long> queued = new ConcurrentLinkedQueue<>(List.of(1L, 2L, 3L, 4L, 5L));
        List<Long> processed = new CopyOnWriteArrayList<>();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        QueueWorker<Long> w = new QueueWorker<>("rows", 2, Duration.ofHours(1), Duration.ofSeconds(5)) {
            @Override
            protected List<Long> due(java.time.Instant now, int max) {
                return List.copyOf(queued);
            }

            @Override
            protected Optional<Long> claim(long id, java.time.Instant now) {
                return queued.remove(id) ? Optional.of(id) : Optional.empty();
            }

            @Override
            protected void process(Long row) {
                maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                processed.add(row);
                concurrent.decrementAndGet();
            }
        };
        w.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> processed.size() == 5);
        queued.add(6L);
        w.wakeAfterCommit(); // outside a transaction: at once, not after the hour
        await().atMost(Duration.ofSeconds(5)).until(() -> processed.size() == 6);
        queued.add(7L);
        w.wake();
        w.stop(); // lets row 7 finish if it was claimed
        assertThat(processed).doesNotHaveDuplicates();
        assertThat(maxConcurrent.get()).isLessThanOrEqualTo(2);
        assertThat(concurrent.get()).as("nothing left half done").isZero();
    }
}
