package dev.conversa.channel.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.kernel.ChannelType;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbound queue shared by several workers (as by several nodes): eight workers claim the same due rows at once,
 * and every row is claimed by exactly one of them. Why the outbound worker needs no lease of its own.
 */
@ConversaIT
class OutboundClaimIT {
    private static final int ROWS = 40;
    private static final int WORKERS = 8;

    @LocalServerPort
    int port;
    @Autowired
    OutboundQueue queue;
    @Autowired
    JdbcClient jdbc;

    @Test
    void workersRacingForTheSameDueRowsClaimEachOnce() throws Exception {
        Api api = new Api(port, null);
        Api admin = api.as(api.createWorkspace("Claims").adminToken());
        long inbox = admin.post("/api/v1/inboxes", """
                {"name":"API","channel":"API"}""").json().get("id").asLong();
        for (int i = 0; i < ROWS; i++) {
            assertThat(admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                    {"externalId":"claim-%d","threadKey":"claim-%d","from":{"kind":"EMAIL","value":"c%d@example.com"},
                     "body":"hola"}""".formatted(i, i, i)).status()).isBetween(200, 201);
        }
        long ws = jdbc.sql("SELECT workspace_id FROM inbox WHERE id = ?").param(inbox).query(Long.class).single();
        // due a day from now: the node's own dispatcher (on the real clock) leaves them to the racing workers
        Instant due = Instant.now().plus(Duration.ofDays(1));
        List<long[]> messages = jdbc.sql("SELECT id, conversation_id FROM message WHERE inbox_id = ? ORDER BY id").param(inbox)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (long[] m : messages) {
            assertThat(queue.enqueue(ws, m[0], m[1], inbox, ChannelType.API, due)).isTrue();
        }
        List<Long> ids = jdbc.sql("SELECT id FROM outbound_delivery WHERE inbox_id = ?").param(inbox).query(Long.class).list();
        assertThat(ids).hasSize(ROWS);

        Instant now = due.plusSeconds(1);
        Map<Long, List<String>> claimedBy = new ConcurrentHashMap<>();
        AtomicInteger lost = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                String owner = "worker-" + w;
                workers.add(pool.submit(() -> {
                    go.await();
                    for (long id : ids) { // every worker sees every row due, and tries them all
                        queue.claim(id, owner, now, now.plusSeconds(60)).ifPresentOrElse(
                                d -> claimedBy.computeIfAbsent(d.id(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                        .add(owner),
                                lost::incrementAndGet);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(claimedBy.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(claimedBy.values()).allSatisfy(owners -> assertThat(owners).hasSize(1));
        assertThat(lost).hasValue(ROWS * (WORKERS - 1));
    }
}
