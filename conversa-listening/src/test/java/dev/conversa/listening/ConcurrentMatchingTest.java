package dev.conversa.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Matching threads run while a writer keeps adding and removing queries. Stable queries must always be reported
 * exactly; churned queries may or may not be seen, but a reported churned query must really match the post.
 */
class ConcurrentMatchingTest {

    @Test
    void addAndRemoveWhileMatchingFromSeveralThreads() throws Exception {
        QueryIndex index = new QueryIndex();
        for (int i = 0; i < 2_000; i++) {
            index.add("stable-" + i, "(marca" + i + " OR #marca" + i + ") AND (vuelo* OR \"mal servicio\")");
        }
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong matched = new AtomicLong();
        int readers = 3;
        CountDownLatch started = new CountDownLatch(readers);
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            int seed = r;
            threads.add(Thread.ofPlatform().start(() -> {
                started.countDown();
                int i = seed;
                while (!stop.get()) {
                    int brand = (int) ((i * 7919L) % 2_000); // long: i * 7919 overflows after ~270,000 posts
                    Post post = Post.of("El vuelo de #Marca" + brand + " fue un desastre, mal servicio 😡 churn"
                            + (i % 500));
                    Set<String> ids = index.match(post).stream().map(QueryMatch::queryId).collect(Collectors.toSet());
                    Set<String> stable = ids.stream().filter(id -> id.startsWith("stable-")).collect(Collectors.toSet());
                    if (!stable.equals(Set.of("stable-" + brand))) {
                        failures.add("post " + post.text() + " -> " + ids);
                    }
                    for (String id : ids) {
                        if (id.startsWith("churn-") && !id.equals("churn-" + (i % 500))) {
                            failures.add("wrong churn match " + id + " for " + post.text());
                        }
                    }
                    matched.incrementAndGet();
                    i += readers;
                }
            }));
        }
        started.await();
        for (int round = 0; round < 20_000; round++) {
            int k = round % 500;
            index.add("churn-" + k, "churn" + k + " AND (vuelo OR flight)");
            if (round % 3 == 0) {
                index.remove("churn-" + ((k + 250) % 500));
            }
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(matched.get()).isPositive();
        index.add("churn-7", "churn7 AND (vuelo OR flight)");
        assertThat(index.match(Post.of("churn7 flight")).stream().map(QueryMatch::queryId))
                .containsExactly("churn-7");
    }
}
