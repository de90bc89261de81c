package dev.conversa.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.ConversaApplication;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Conversa nodes of one installation on one PostgreSQL database, for failover tests: node A is a separate JVM (a
 * child process) so that it can be killed for real with SIGKILL ({@link Process#destroyForcibly()}), node B an
 * application context in this JVM. Both get a schema of their own in the test database: the other test contexts
 * cached in this JVM are separate installations on the same database and would otherwise do the same background
 * work (poll the same mailboxes, bots...). Short leases, so that a dead node's work moves within seconds.
 */
public final class TwoNodes implements AutoCloseable {
    public static final String LEASE_DURATION = "3s";
    public static final String RETRY_EVERY = "500ms";

    private final String name;
    private final String baseUrl;
    private final String user;
    private final String password;
    private final String schema;
    private final String url;
    private final String scope;
    private Process nodeA;
    private int portA;
    private ConfigurableApplicationContext nodeB;
    private final List<String> properties = new ArrayList<>();

    private TwoNodes(String name, String baseUrl, String user, String password) throws SQLException {
        this.name = name;
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.schema = name.replaceAll("[^a-z]", "") + "_" + UUID.randomUUID().toString().replace("-", "");
        this.scope = name + "-" + UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(baseUrl, user, password)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        this.url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Skips the test unless the PostgreSQL pass runs: the nodes must share a database, which H2 in memory is not. */
    public static TwoNodes onPostgres(String name) throws SQLException {
        String baseUrl = System.getProperty("conversa.test.db-url");
        Assumptions.assumeTrue(baseUrl != null && !baseUrl.isBlank(),
                "two nodes need one shared PostgreSQL database: set CONVERSA_TEST_POSTGRES_URL");
        return new TwoNodes(name, baseUrl, System.getProperty("conversa.test.db-user"),
                System.getProperty("conversa.test.db-password"));
    }

    /** Adds {@code --key=value} arguments that both nodes start with (call before starting them). */
    public TwoNodes with(String... arguments) {
        properties.addAll(List.of(arguments));
        return this;
    }

    /** Starts node A (its log in {@code target/<name>-node-a.log}) and waits until it is healthy. */
    public Api startNodeA() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            portA = socket.getLocalPort();
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dconversa.test.db-url=" + url, "-Dconversa.test.db-user=" + user,
                "-Dconversa.test.db-password=" + password, "-cp", classpath, ConversaApplication.class.getName(),
                "--spring.profiles.active=test", "--server.port=" + portA, "--conversa.cluster.node-id=node-a",
                "--conversa.leases.duration=" + LEASE_DURATION, "--conversa.leases.retry-every=" + RETRY_EVERY,
                "--conversa.leases.scope=" + scope));
        command.addAll(properties);
        File log = new File("target/" + name + "-node-a.log");
        nodeA = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        Api api = new Api(portA, null);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(nodeA.isAlive()).as("node A exited; see " + log).isTrue();
            try {
                return api.get("/actuator/health").status() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        return api;
    }

    /** Starts node B in this JVM. */
    public ConfigurableApplicationContext startNodeB() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--conversa.test.db-url=" + url,
                "--conversa.cluster.node-id=node-b", "--conversa.leases.duration=" + LEASE_DURATION,
                "--conversa.leases.retry-every=" + RETRY_EVERY, "--conversa.leases.scope=" + scope));
        arguments.addAll(properties);
        nodeB = new SpringApplicationBuilder(ConversaApplication.class).profiles("test").run(arguments.toArray(String[]::new));
        return nodeB;
    }

    /** SIGKILL: no shutdown hook runs, no lease is released. */
    public void killNodeA() throws InterruptedException {
        nodeA.destroyForcibly();
        nodeA.waitFor();
    }

    /** A connection to the nodes' schema. */
    public Connection db() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The inbox's inbound messages in the nodes' schema: {total, distinct external ids}. */
    public long[] inboundMessages(long inbox) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*), COUNT(DISTINCT external_id) FROM message WHERE inbox_id = ? AND direction = 'IN'")) {
            s.setLong(1, inbox);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** The node holding the lease, as {@code node-a/...} or {@code node-b/...}; empty if none. */
    public String holder(String lease) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("SELECT holder FROM lease WHERE name = ?")) {
            s.setString(1, scope + ":" + lease);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (nodeA != null) {
            nodeA.destroyForcibly();
            nodeA.waitFor();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        try (Connection c = DriverManager.getConnection(baseUrl, user, password)) {
            c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
