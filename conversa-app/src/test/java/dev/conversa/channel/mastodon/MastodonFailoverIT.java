package dev.conversa.channel.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.twitter.SocialTestKit;
import dev.conversa.lease.Leases;
import dev.conversa.support.Api;
import dev.conversa.support.TwoNodes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Mastodon account's stream on two nodes ({@link TwoNodes}): the node holding the lease follows the user stream of a
 * local instance ({@link MastodonServer}); it is killed with SIGKILL while customers keep mentioning the brand; the
 * other node takes the account over within the lease's duration plus its retry interval, opens the stream, fetches
 * what was posted while nobody listened from the notifications (paged by {@code min_id}), and every mention becomes
 * exactly one message. PostgreSQL only.
 */
class MastodonFailoverIT {
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(5);
    private static final int MENTIONS = 100;

    static TwoNodes nodes;
    static MastodonServer instance;
    static Api onA;

    @BeforeAll
    static void start() throws Exception {
        nodes = TwoNodes.onPostgres("mastodon-failover");
        instance = new MastodonServer();
        onA = nodes.startNodeA();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void aKilledNodesStreamMovesToTheOtherNodeWithoutLosingOrDuplicatingMentions() throws Exception {
        Api admin = onA.as(onA.createWorkspace("Mastodon failover").adminToken());
        long inbox = SocialTestKit.createInbox(admin, "MASTODON", """
                {"instanceUrl":"%s","accountId":"1","acct":"acme","streaming":"true"}""".formatted(instance.baseUrl()),
                "{\"accessToken\":\"mastodon-token\"}");
        String lease = MastodonStream.leaseName(inbox);
        await().atMost(Duration.ofSeconds(15)).until(() -> nodes.holder(lease).startsWith("node-a/"));
        await().atMost(Duration.ofSeconds(15)).until(() -> instance.openStreams() == 1);

        ConfigurableApplicationContext nodeB = nodes.startNodeB();
        Leases leasesB = nodeB.getBean(Leases.class);
        Thread.sleep(2000); // B has asked for the lease several times: it must leave A's stream alone
        assertThat(nodes.holder(lease)).startsWith("node-a/");
        assertThat(leasesB.holds(lease)).isFalse();
        assertThat(instance.openStreams()).isEqualTo(1);

        AtomicInteger posted = new AtomicInteger();
        Thread customers = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < MENTIONS; i++) {
                    instance.mention(8000 + i % 6, "mensaje " + i);
                    posted.incrementAndGet();
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
        System.out.printf("[MastodonFailoverIT] stream taken over by node B %d ms after node A was killed "
                + "(%d of %d mentions by then)%n", takeover.toMillis(), posted.get(), MENTIONS);
        assertThat(takeover).isLessThan(TAKEOVER_LIMIT);

        customers.join(Duration.ofMinutes(1));
        assertThat(posted).hasValue(MENTIONS);
        await().atMost(Duration.ofSeconds(60)).until(() -> nodes.inboundMessages(inbox)[0] == MENTIONS);
        Thread.sleep(2000);
        long[] counts = nodes.inboundMessages(inbox);
        assertThat(counts[0]).isEqualTo(MENTIONS);
        assertThat(counts[1]).as("distinct statuses").isEqualTo(MENTIONS);
        assertThat(leasesB.holds(lease)).isTrue();
    }
}
