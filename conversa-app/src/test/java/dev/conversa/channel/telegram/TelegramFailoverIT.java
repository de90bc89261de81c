package dev.conversa.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.twitter.SocialTestKit;
import dev.conversa.lease.Leases;
import dev.conversa.support.Api;
import dev.conversa.support.TwoNodes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Long polling on two nodes ({@link TwoNodes}): one bot is polled by the node holding its lease; that node is killed
 * with SIGKILL while updates keep arriving at a local Bot API server ({@link BotApiServer}, which confirms updates by
 * offset as Telegram does); the other node takes the bot over within the lease's duration plus its retry interval,
 * goes on from the stored offset, and every update becomes exactly one message. PostgreSQL only.
 */
class TelegramFailoverIT {
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(5);
    private static final int UPDATES = 100;

    static TwoNodes nodes;
    static BotApiServer bots;
    static Api onA;

    @BeforeAll
    static void start() throws Exception {
        nodes = TwoNodes.onPostgres("telegram-failover");
        bots = new BotApiServer();
        onA = nodes.startNodeA();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
        if (bots != null) {
            bots.close();
        }
    }

    @Test
    void aKilledNodesBotMovesToTheOtherNodeWithoutLosingOrDuplicatingUpdates() throws Exception {
        Api admin = onA.as(onA.createWorkspace("Telegram failover").adminToken());
        String token = "123456:" + UUID.randomUUID().toString().replace("-", "");
        long inbox = SocialTestKit.createInbox(admin, "TELEGRAM", """
                {"apiBaseUrl":"%s","botUsername":"acme_bot","mode":"polling"}""".formatted(bots.baseUrl()), """
                {"botToken":"%s","webhookSecret":"s3cret-token_1"}""".formatted(token));
        String lease = TelegramPoller.leaseName(inbox);
        await().atMost(Duration.ofSeconds(15)).until(() -> nodes.holder(lease).startsWith("node-a/"));

        ConfigurableApplicationContext nodeB = nodes.startNodeB();
        Leases leasesB = nodeB.getBean(Leases.class);
        Thread.sleep(2000); // B has asked for the lease several times: it must leave A's bot alone
        assertThat(nodes.holder(lease)).startsWith("node-a/");
        assertThat(leasesB.holds(lease)).isFalse();

        AtomicInteger added = new AtomicInteger();
        Thread customers = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < UPDATES; i++) {
                    bots.add(7000 + i % 5, "Mensaje " + i);
                    added.incrementAndGet();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> nodes.inboundMessages(inbox)[0] >= 10);

        long killed = System.nanoTime();
        nodes.killNodeA();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> nodes.holder(lease).startsWith("node-b/"));
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
        System.out.printf("[TelegramFailoverIT] bot taken over by node B %d ms after node A was killed "
                + "(%d of %d updates sent by then)%n", takeover.toMillis(), added.get(), UPDATES);
        assertThat(takeover).isLessThan(TAKEOVER_LIMIT);

        customers.join(Duration.ofMinutes(1));
        assertThat(added).hasValue(UPDATES);
        await().atMost(Duration.ofSeconds(60)).until(() -> nodes.inboundMessages(inbox)[0] == UPDATES);
        long[] counts = nodes.inboundMessages(inbox);
        assertThat(counts[1]).as("distinct messages").isEqualTo(UPDATES);
        assertThat(deliveries(inbox)).as("updates stored once each in the intake queue").isEqualTo(UPDATES);
        assertThat(leasesB.holds(lease)).isTrue();
    }

    private static long deliveries(long inbox) throws SQLException {
        try (Connection c = nodes.db(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM social_delivery WHERE inbox_id = ?")) {
            s.setLong(1, inbox);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
