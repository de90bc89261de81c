package dev.conversa.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two {@link Leases} on one database, as two nodes: who works, who waits, and the loser stopping at once. */
@ConversaIT
class LeasesIT {
    private static final Duration SHORT = Duration.ofMillis(600);

    @Autowired
    LeaseStore store;

    private Leases node(String id) {
        return new Leases(store, new LeaseProperties(SHORT, Duration.ofMillis(100), null), id, "0");
    }

    @Test
    void theFirstAskTakesAFreeLeaseAtOnceAndTheOtherNodeWaits() {
        String name = "test:" + UUID.randomUUID();
        Leases a = node("a");
        Leases b = node("b");
        assertThat(a.hold(name)).isPresent();
        assertThat(b.hold(name)).isEmpty();
        a.renew();
        assertThat(a.holds(name)).isTrue();
        assertThat(a.held()).extracting(Lease::name).contains(name);
    }

    @Test
    void aNodeThatStopsRenewingLosesItsWorkAndTheOtherTakesOverWithANewToken() throws Exception {
        String name = "test:" + UUID.randomUUID();
        Leases a = node("a");
        Leases b = node("b");
        Lease first = a.hold(name).orElseThrow();
        AtomicInteger stopped = new AtomicInteger();
        first.whenLost(stopped::incrementAndGet);

        Thread.sleep(SHORT.toMillis() + 100); // a stalls: no renewal
        assertThat(first.held()).as("a stops on its own once the lease may have run out").isFalse();
        Lease second = b.hold(name).orElseThrow();
        assertThat(second.token()).isEqualTo(first.token() + 1);

        a.renew(); // a wakes up: its renewal finds b's tenure and lets go
        assertThat(a.holds(name)).isFalse();
        assertThat(a.hold(name)).isEmpty();
        assertThat(stopped).hasValue(1);
        assertThat(store.row(name).orElseThrow().holder()).isEqualTo(b.holder());
    }

    @Test
    void renewingKeepsTheLeaseAndReleasingHandsItOverWithoutWaiting() throws Exception {
        String name = "test:" + UUID.randomUUID();
        Leases a = node("a");
        Leases b = node("b");
        Lease lease = a.hold(name).orElseThrow();
        for (int i = 0; i < 5; i++) {
            Thread.sleep(SHORT.toMillis() / 3);
            a.renew();
        }
        assertThat(lease.held()).isTrue();
        assertThat(b.hold(name)).isEmpty();
        a.releaseAll();
        assertThat(lease.held()).isFalse();
        Thread.sleep(120); // b's retry interval
        assertThat(b.hold(name)).isPresent();
    }

    @Test
    void holdersAreDistinctPerStartEvenWithTheSameNodeName() {
        assertThat(node("same").holder()).isNotEqualTo(node("same").holder()).startsWith("same/");
    }
}
