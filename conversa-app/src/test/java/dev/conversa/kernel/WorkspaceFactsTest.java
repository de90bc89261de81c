package dev.conversa.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkspaceFactsTest {
    final Map<Long, Boolean> database = new HashMap<>();
    final AtomicInteger queries = new AtomicInteger();

    boolean query(long workspaceId, String about) {
        queries.incrementAndGet();
        return database.getOrDefault(workspaceId, false);
    }

    @Test
    void answersFromMemoryUntilForgottenOrExpired() throws InterruptedException {
        var cached = new WorkspaceFacts<String>(Duration.ofHours(1), this::query);
        assertThat(cached.test(1, "rules")).isFalse();
        database.put(1L, true);
        assertThat(cached.test(1, "rules")).as("still the remembered answer").isFalse();
        assertThat(queries).hasValue(1);

        cached.forget(2);
        assertThat(cached.test(1, "rules")).as("another workspace's change keeps this answer").isFalse();
        cached.forget(1);
        assertThat(cached.test(1, "rules")).isTrue();
        assertThat(queries).hasValue(2);

        var expiring = new WorkspaceFacts<String>(Duration.ofMillis(1), this::query);
        assertThat(expiring.test(1, "rules")).isTrue();
        database.put(1L, false);
        Thread.sleep(5);
        assertThat(expiring.test(1, "rules")).as("another node's change is seen after the time to live").isFalse();
    }
}
