package dev.conversa.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.conversa.ConversaApplication;
import dev.conversa.lease.Leases;
import dev.conversa.support.Api;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one PostgreSQL database read one GreenMail server: node A is a separate JVM (a child process), node B
 * an application context in this JVM. Each inbox is read by the node holding its lease; A is then killed with
 * SIGKILL ({@link Process#destroyForcibly()}) while mail keeps arriving, B takes the inboxes over within the lease's
 * duration plus its retry interval, and every message is stored exactly once. PostgreSQL only: the nodes must share a
 * database, which an in-memory H2 is not across JVMs. The two nodes get a schema of their own in that database: the
 * other test contexts cached in this JVM are separate installations on the same database, and would otherwise poll
 * these mailboxes too (GreenMail then fails on concurrent sessions of one mailbox, which is not what is tested here).
 */
class EmailFailoverIT {
    /** Short leases for the test: a dead node's work moves within 3 s + 0.5 s retry (+ the poller's 1 s round). */
    private static final String LEASE_DURATION = "3s";
    private static final String RETRY_EVERY = "500ms";
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(5);
    private static final int MESSAGES = 100;
    /** The nodes' installation: other test contexts alive in this JVM keep to their own leases. */
    private static final String SCOPE = "failover-" + UUID.randomUUID();

    static GreenMail mail;
    static Process nodeA;
    static ConfigurableApplicationContext nodeB;
    static int portA;
    /** The shared test database's URL, and the URL of this test's own schema in it. */
    static String baseUrl;
    static String schema;
    static String url;
    static String user;
    static String password;

    @BeforeAll
    static void start() throws Exception {
        baseUrl = System.getProperty("conversa.test.db-url");
        Assumptions.assumeTrue(baseUrl != null && !baseUrl.isBlank(),
                "two nodes need one shared PostgreSQL database: set CONVERSA_TEST_POSTGRES_URL");
        user = System.getProperty("conversa.test.db-user");
        password = System.getProperty("conversa.test.db-password");
        schema = "failover_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(baseUrl, user, password)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        portA = freePort();
        nodeA = childNode(portA, "node-a");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(nodeA.isAlive()).as("node A exited; see target/email-failover-node-a.log").isTrue();
            try {
                return new Api(portA, null).get("/actuator/health").status() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
    }

    /** Node A: the same application and test classpath in its own JVM, so that it can be killed for real. */
    private static Process childNode(int port, String id) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dconversa.test.db-url=" + url, "-Dconversa.test.db-user=" + user,
                "-Dconversa.test.db-password=" + password, "-cp", classpath, ConversaApplication.class.getName(),
                "--spring.profiles.active=test", "--server.port=" + port, "--conversa.cluster.node-id=" + id,
                "--conversa.leases.duration=" + LEASE_DURATION, "--conversa.leases.retry-every=" + RETRY_EVERY,
                "--conversa.leases.scope=" + SCOPE));
        File log = new File("target/email-failover-" + id + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static ConfigurableApplicationContext inProcessNode(String id) {
        return new SpringApplicationBuilder(ConversaApplication.class).profiles("test")
                .run("--server.port=0", "--conversa.test.db-url=" + url, "--conversa.cluster.node-id=" + id,
                        "--conversa.leases.duration=" + LEASE_DURATION, "--conversa.leases.retry-every=" + RETRY_EVERY,
                        "--conversa.leases.scope=" + SCOPE);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodeA != null) {
            nodeA.destroyForcibly();
            nodeA.waitFor();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (mail != null) {
            mail.stop();
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(baseUrl, user, password)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void eachInboxIsReadByOneNodeAndAKilledNodesInboxesMoveWithoutLosingOrDuplicatingMail() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Api onA = new Api(portA, null);
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
        nodeB = inProcessNode("node-b");
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
        nodeA.destroyForcibly(); // SIGKILL: no shutdown hook, no lease released
        nodeA.waitFor();
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

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static String holder(long inbox) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("SELECT holder FROM lease WHERE name = ?")) {
            s.setString(1, SCOPE + ":" + EmailPoller.leaseName(inbox));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
            }
        }
    }

    /** Stored inbound messages of the inbox, counted by Message-ID (the external id email ingestion records). */
    private static Map<String, Integer> stored(long inbox) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
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
