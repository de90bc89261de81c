package dev.conversa.channel.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * The X mentions poller on two nodes ({@link TwoNodes}): one account is polled by the node holding its lease; that
 * node is killed with SIGKILL while customers keep mentioning the brand on a local mentions timeline
 * ({@link MentionsTimelineServer}); the other node takes the account over within the lease's duration plus one poll,
 * goes on from the stored {@code since_id}, and every post becomes exactly one message. A burst of 250 posts between
 * two polls is read back through {@code next_token} pages, none skipped. PostgreSQL only.
 */
class XMentionsFailoverIT {
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(6);
    private static final int STEADY = 60;
    private static final int BURST = 250;

    static TwoNodes nodes;
    static MentionsTimelineServer x;
    static Api onA;

    @BeforeAll
    static void start() throws Exception {
        nodes = TwoNodes.onPostgres("x-failover").with("--conversa.channels.x.mentions.every=1s");
        x = new MentionsTimelineServer();
        onA = nodes.startNodeA();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
        if (x != null) {
            x.close();
        }
    }

    @Test
    void aKilledNodesAccountMovesToTheOtherNodeWithoutLosingOrDuplicatingMentions() throws Exception {
        Api admin = onA.as(onA.createWorkspace("X failover").adminToken());
        long inbox = SocialTestKit.createInbox(admin, "TWITTER", """
                {"apiBaseUrl":"%s","userId":"2244994945","username":"acme","pollMentions":"true"}""".formatted(x.baseUrl()),
                """
                {"consumerSecret":"not-used-by-polling","accessToken":"token-1"}""");
        String lease = TwitterMentionsPoller.leaseName(inbox);
        await().atMost(Duration.ofSeconds(15)).until(() -> nodes.holder(lease).startsWith("node-a/"));

        ConfigurableApplicationContext nodeB = nodes.startNodeB();
        Leases leasesB = nodeB.getBean(Leases.class);
        Thread.sleep(2000); // B has asked for the lease several times: it must leave A's account alone
        assertThat(nodes.holder(lease)).startsWith("node-a/");
        assertThat(leasesB.holds(lease)).isFalse();

        AtomicInteger posted = new AtomicInteger();
        Thread customers = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < STEADY; i++) {
                    x.mention(9000 + i % 7, "mensaje " + i);
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
        System.out.printf("[XMentionsFailoverIT] account taken over by node B %d ms after node A was killed "
                + "(%d of %d posts by then)%n", takeover.toMillis(), posted.get(), STEADY);
        assertThat(takeover).isLessThan(TAKEOVER_LIMIT);

        customers.join(Duration.ofMinutes(1));
        assertThat(posted).hasValue(STEADY);
        await().atMost(Duration.ofSeconds(60)).until(() -> nodes.inboundMessages(inbox)[0] == STEADY);

        synchronized (x) { // all at once, between two polls: three pages of 100
            for (int i = 0; i < BURST; i++) {
                x.mention(9100 + i % 11, "ráfaga " + i);
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> nodes.inboundMessages(inbox)[0] == STEADY + BURST);
        Thread.sleep(2500); // two more polls: nothing read twice
        long[] counts = nodes.inboundMessages(inbox);
        assertThat(counts[0]).isEqualTo(STEADY + BURST);
        assertThat(counts[1]).as("distinct posts").isEqualTo(STEADY + BURST);
        assertThat(leasesB.holds(lease)).isTrue();
    }
}
