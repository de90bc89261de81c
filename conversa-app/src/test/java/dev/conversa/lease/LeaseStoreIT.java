package dev.conversa.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lease table's statements on the database the suite runs on (H2, and PostgreSQL in the postgres pass): taking,
 * renewing, expiry takeover with a new token, a stale holder refused everywhere, and a race decided once.
 */
@ConversaIT
class LeaseStoreIT {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Autowired
    LeaseStore store;
    @Autowired
    TransactionTemplate tx;

    /** Whole milliseconds: what both databases store exactly. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String name() {
        return "test:" + UUID.randomUUID();
    }

    @Test
    void aFreeLeaseIsTakenOnceAndRenewedOnlyByItsHolder() {
        String lease = name();
        Instant now = now();
        assertThat(store.acquire(lease, "a", now, TEN_SECONDS)).contains(1L);
        assertThat(store.acquire(lease, "b", now.plusSeconds(1), TEN_SECONDS)).isEmpty();
        // not even its own holder takes it twice: a second acquire is not a renewal
        assertThat(store.acquire(lease, "a", now.plusSeconds(1), TEN_SECONDS)).isEmpty();

        assertThat(store.renew(lease, "a", 1, now.plusSeconds(5), TEN_SECONDS)).isTrue();
        assertThat(store.row(lease).orElseThrow().expiresAt()).isEqualTo(now.plusSeconds(15));
        assertThat(store.renew(lease, "b", 1, now.plusSeconds(5), TEN_SECONDS)).isFalse();
        assertThat(store.renew(lease, "a", 2, now.plusSeconds(5), TEN_SECONDS)).isFalse();
        // renewed to now+15 s: at now+12 s it has not expired, so b still cannot have it
        assertThat(store.acquire(lease, "b", now.plusSeconds(12), TEN_SECONDS)).isEmpty();
    }

    @Test
    void anExpiredLeaseIsTakenOverWithANewTokenAndTheStaleHolderIsRefusedEverywhere() {
        String lease = name();
        Instant now = now();
        assertThat(store.acquire(lease, "a", now, TEN_SECONDS)).contains(1L);

        Instant later = now.plusSeconds(11);
        assertThat(store.acquire(lease, "b", later, TEN_SECONDS)).contains(2L);
        assertThat(store.row(lease).orElseThrow().holder()).isEqualTo("b");

        // a wakes up from a pause: it can neither renew, nor release, nor pass the fence
        assertThat(store.renew(lease, "a", 1, later, TEN_SECONDS)).isFalse();
        assertThat(store.release(lease, "a", 1, later)).isFalse();
        Boolean staleFenced = tx.execute(s -> store.stillHeldLocked(lease, "a", 1));
        Boolean currentFenced = tx.execute(s -> store.stillHeldLocked(lease, "b", 2));
        assertThat(staleFenced).isFalse();
        assertThat(currentFenced).isTrue();
        assertThat(store.row(lease).orElseThrow().holder()).isEqualTo("b");

        // its renewal of everything it holds does not touch b's lease either
        assertThat(store.renewAll("a", later, TEN_SECONDS)).extracting(LeaseStore.Row::name).doesNotContain(lease);
        assertThat(store.row(lease).orElseThrow().token()).isEqualTo(2);
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceAndItsNextTenureHasANewToken() {
        String lease = name();
        Instant now = now();
        assertThat(store.acquire(lease, "a", now, TEN_SECONDS)).contains(1L);
        assertThat(store.release(lease, "a", 1, now.plusSeconds(1))).isTrue();
        assertThat(store.acquire(lease, "b", now.plusSeconds(1), TEN_SECONDS)).contains(2L);
    }

    @Test
    void renewAllExtendsEveryLeaseOfTheHolderInOneGo() {
        String one = name();
        String two = name();
        String holder = "h-" + UUID.randomUUID();
        Instant now = now();
        store.acquire(one, holder, now, TEN_SECONDS);
        store.acquire(two, holder, now, TEN_SECONDS);
        List<LeaseStore.Row> rows = store.renewAll(holder, now.plusSeconds(3), TEN_SECONDS);
        assertThat(rows).extracting(LeaseStore.Row::name).containsExactlyInAnyOrder(one, two);
        assertThat(rows).extracting(LeaseStore.Row::expiresAt).containsOnly(now.plusSeconds(13));
    }

    @Test
    void nodesRacingForOneExpiredLeaseGetItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String lease = name();
                Instant now = now();
                if (round % 2 == 1) { // odd rounds race for an expired lease, even ones for a never-held one
                    store.acquire(lease, "old", now.minusSeconds(60), TEN_SECONDS);
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Optional<Long>>> tries = new ArrayList<>();
                for (int node = 0; node < 8; node++) {
                    String holder = "n" + node;
                    tries.add(pool.submit(() -> {
                        go.await();
                        return store.acquire(lease, holder, now, TEN_SECONDS);
                    }));
                }
                go.countDown();
                int winners = 0;
                for (Future<Optional<Long>> t : tries) {
                    winners += t.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
                assertThat(store.row(lease).orElseThrow().token()).isEqualTo(round % 2 == 1 ? 2 : 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTakeoverWaitsForTheFencedTransactionOfTheHolder() throws Exception {
        String lease = name();
        Instant now = now();
        long token = store.acquire(lease, "a", now.minusSeconds(9), TEN_SECONDS).orElseThrow();
        CountDownLatch fenced = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        AtomicBoolean takenBeforeCommit = new AtomicBoolean();
        Thread holder = Thread.ofPlatform().start(() -> tx.executeWithoutResult(s -> {
            assertThat(store.stillHeldLocked(lease, "a", token)).isTrue();
            fenced.countDown();
            try {
                proceed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            takenBeforeCommit.set("b".equals(store.row(lease).orElseThrow().holder()));
        }));
        assertThat(fenced.await(10, TimeUnit.SECONDS)).isTrue();
        // the lease expires meanwhile; b's takeover blocks on the row the fence locked
        Future<Optional<Long>> takeover = Executors.newVirtualThreadPerTaskExecutor()
                .submit(() -> store.acquire(lease, "b", now.plusSeconds(2), TEN_SECONDS));
        Thread.sleep(500);
        assertThat(takeover.isDone()).isFalse();
        proceed.countDown();
        holder.join(10_000);
        assertThat(takenBeforeCommit).isFalse();
        assertThat(takeover.get(10, TimeUnit.SECONDS)).contains(token + 1);
    }

    @Test
    void aLeaseFencesOnlyInsideATransaction() {
        String lease = name();
        Instant now = now();
        long token = store.acquire(lease, "a", now, TEN_SECONDS).orElseThrow();
        Lease held = new Lease(lease, lease, "a", token, store, System.nanoTime(), now, TEN_SECONDS);
        assertThatThrownBy(held::fence).isInstanceOf(IllegalStateException.class);
        tx.executeWithoutResult(s -> held.fence());

        store.acquire(lease, "b", now.plusSeconds(11), TEN_SECONDS);
        AtomicBoolean stopped = new AtomicBoolean();
        held.whenLost(() -> stopped.set(true));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> held.fence())).isInstanceOf(LeaseLost.class);
        assertThat(held.held()).isFalse();
        assertThat(stopped).isTrue();
    }
}
