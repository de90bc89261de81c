package dev.conversa.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.twitter.SocialTestKit;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The social intake queue shared by several workers (as by several nodes behind one load balancer, each taking in
 * webhooks and each running its worker): eight workers race over the same due deliveries, and every delivery is
 * processed by exactly one of them, into one message.
 */
@ConversaIT
class SocialClaimIT {
    private static final int DELIVERIES = 40;
    private static final int WORKERS = 8;

    @LocalServerPort
    int port;
    @Autowired
    SocialDeliveryQueue queue;
    @Autowired
    SocialWorker nodeWorker;
    @Autowired
    JdbcClient jdbc;

    @Test
    void workersRacingForTheSameDueDeliveriesProcessEachOnce() throws Exception {
        Api api = new Api(port, null);
        Api.TestWorkspace ws = api.createWorkspace("Intake claims");
        Api admin = api.as(ws.adminToken());
        String phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        long inbox = SocialTestKit.createInbox(admin, "WHATSAPP", "{\"phoneNumberId\":\"" + phoneNumberId + "\"}",
                "{\"accessToken\":\"t\",\"appSecret\":\"s\",\"verifyToken\":\"v\"}");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String template = SocialTestKit.resource("meta/whatsapp-text.json").replace("106540352242922", phoneNumberId)
                .replace("TIMESTAMP", String.valueOf(Instant.now().getEpochSecond()));

        nodeWorker.stop(); // the racers below are the only workers, all released at once
        try {
            for (int i = 0; i < DELIVERIES; i++) {
                String body = template.replace("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                        "wamid.race-" + tag + "-" + i).replace("16505551234", "1650555" + (1000 + i));
                assertThat(queue.enqueue(ws.id(), inbox, "meta", "race-" + tag + "-" + i, body)).isTrue();
            }
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            try {
                List<Future<Integer>> racers = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    racers.add(pool.submit(() -> {
                        go.await();
                        int processed = 0;
                        for (int n; (n = queue.processDue()) > 0; ) {
                            processed += n;
                        }
                        return processed;
                    }));
                }
                go.countDown();
                int processed = 0;
                for (Future<Integer> r : racers) {
                    processed += r.get(120, TimeUnit.SECONDS);
                }
                assertThat(processed).as("deliveries processed, summed over the workers").isEqualTo(DELIVERIES);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            nodeWorker.start();
        }

        List<Map<String, Object>> rows = jdbc.sql("SELECT status, attempts FROM social_delivery WHERE inbox_id = ?")
                .param(inbox).query().listOfRows();
        assertThat(rows).hasSize(DELIVERIES).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("DONE");
            assertThat(((Number) row.get("attempts")).intValue()).as("claimed once").isEqualTo(1);
        });
        Map<String, Object> stored = jdbc.sql("""
                SELECT COUNT(*) AS messages, COUNT(DISTINCT external_id) AS distinct_ids FROM message WHERE inbox_id = ?""")
                .param(inbox).query().singleRow();
        assertThat(((Number) stored.get("messages")).intValue()).isEqualTo(DELIVERIES);
        assertThat(((Number) stored.get("distinct_ids")).intValue()).isEqualTo(DELIVERIES);
    }
}
