package dev.conversa.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.conversa.lease.Leases;
import dev.conversa.support.Api;
import dev.conversa.support.TwoNodes;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes of one installation ({@link TwoNodes}) read one GreenMail server. Each inbox is read by the node holding
 * its lease; node A is then killed with SIGKILL while mail keeps arriving, B takes the inboxes over within the lease's
 * duration plus its retry interval, and every message is stored exactly once. PostgreSQL only.
 */
class EmailFailoverIT {
    /** A dead node's work moves within 3 s + 0.5 s retry (+ the poller's 1 s round). */
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(5);
    private static final int MESSAGES = 100;

    static TwoNodes nodes;
    static GreenMail mail;
    static Api onA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void start() throws Exception {
        nodes = TwoNodes.onPostgres("email-failover");
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        onA = nodes.startNodeA();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void eachInboxIsReadByOneNodeAndAKilledNodesInboxesMoveWithoutLosingOrDuplicatingMail() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Api admin = onA.as(onA.createWorkspace("Failover " + tag).adminToken());
        Map<Long, String> inboxes = new HashMap<>();
        // one inbox polled every second, the other waiting in IMAP IDLE
        for (String name : List.of("ventas", "soporte")) {
            String address = name + "-" + tag + "@acme.test";
            mail.setUser(address, address, "imap-secret");
            long id = admin.post("/api/v1/inboxes", """
                    {"name":"%s","channel":"EMAIL","settings":{"address":"%s","imapHost":"127.0.0.1","imapPort":"%d",
                     "imapSecurity":"none","smtpHost":"127.0.0.1","smtpPort":"%d","smtpSecurity":"none","pollSeconds":"1",
                     "imapIdle":"%s"},"secrets":{"password":"imap-secret"}}"""
                    .formatted(name, address, mail.getImap().getPort(), mail.getSmtp().getPort(), name.equals("soporte")))
                    .json().get("id").asLong();
            inboxes.put(id, address);
        }
        // node A, alone so far, takes both inboxes' leases
        for (long inbox : inboxes.keySet()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> holder(inbox).startsWith("node-a/"));
        }
        nodeB = nodes.startNodeB();
        Leases leasesB = nodeB.getBean(Leases.class);
        Thread.sleep(2000); // B's poller has gone round several times: it must leave A's inboxes alone
        for (long inbox : inboxes.keySet()) {
            assertThat(holder(inbox)).startsWith("node-a/");
            assertThat(leasesB.holds(EmailPoller.leaseName(inbox))).isFalse();
        }

        // mail keeps arriving in both mailboxes, before, during and after the kill
        AtomicInteger sent = new AtomicInteger();
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < MESSAGES; i++) {
                    for (Map.Entry<Long, String> inbox : inboxes.entrySet()) {
                        deliver(inbox.getValue(), "<m" + i + "-" + inbox.getKey() + "-" + tag + "@example.com>", i);
                    }
                    sent.incrementAndGet();
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long first = inboxes.keySet().iterator().next();
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(first).size() >= 10);

        long killed = System.nanoTime();
        nodes.killNodeA();
        for (long inbox : inboxes.keySet()) {
            // (GreenMail's handler threads complain of the connections the kill dropped: not this test's failure)
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .until(() -> holder(inbox).startsWith("node-b/"));
        }
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
        System.out.printf("[EmailFailoverIT] both inboxes taken over by node B %d ms after node A was killed "
                + "(%d of %d rounds of mail sent by then)%n", takeover.toMillis(), sent.get(), MESSAGES);
        assertThat(takeover).isLessThan(TAKEOVER_LIMIT);

        sender.join(Duration.ofMinutes(1));
        assertThat(sent).hasValue(MESSAGES);
        for (long inbox : inboxes.keySet()) {
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30))
                    .until(() -> stored(inbox).size() == MESSAGES);
            Map<String, Integer> byMessageId = stored(inbox);
            assertThat(byMessageId).hasSize(MESSAGES);
            assertThat(byMessageId.values()).as("copies stored per Message-ID").containsOnly(1);
            assertThat(leasesB.holds(EmailPoller.leaseName(inbox))).isTrue();
        }
        long idled = inboxes.entrySet().stream().filter(e -> e.getValue().startsWith("soporte")).findFirst().orElseThrow()
                .getKey();
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(15))
                .until(() -> nodeB.getBean(EmailPoller.class).idling(idled));
    }

    private static void deliver(String to, String messageId, int i) throws Exception {
        String raw = """
                Message-ID: %s
                From: Cliente %d <cliente%d@example.com>
                To: %s
                Subject: Pedido %d
                Content-Type: text/plain; charset=UTF-8

                Mensaje número %d.
                """.formatted(messageId, i, i, to, i, i);
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        mail.getUserManager().getUser(to).deliver(m);
    }

    private static String holder(long inbox) throws SQLException {
        return nodes.holder(EmailPoller.leaseName(inbox));
    }

    /** Stored inbound messages of the inbox, counted by Message-ID (the external id email ingestion records). */
    private static Map<String, Integer> stored(long inbox) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = nodes.db(); PreparedStatement s = c.prepareStatement(
                "SELECT external_id, COUNT(*) FROM message WHERE inbox_id = ? GROUP BY external_id")) {
            s.setLong(1, inbox);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }
}
