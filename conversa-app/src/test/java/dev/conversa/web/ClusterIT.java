package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.ConversaApplication;
import dev.conversa.cluster.ClusterTopics;
import dev.conversa.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/**
 * Two Conversa nodes on one PostgreSQL database and a real in-process Kafka broker (KRaft): what one node's users
 * do reaches the consoles and widgets connected to the other, and routing stays exact when both nodes route the same
 * workspace at once. Runs in the PostgreSQL pass of the integration tests only: a cluster shares one PostgreSQL
 * database, and an in-memory H2 is private to its JVM's connection URL.
 */
class ClusterIT {
    private static final int PARTITIONS = 6;
    private static final int LOAD = Integer.getInteger("conversa.test.cluster-load", 200);

    static EmbeddedKafkaKraftBroker kafka;
    static ConfigurableApplicationContext node1;
    static ConfigurableApplicationContext node2;
    static int port1;
    static int port2;

    @BeforeAll
    static void startCluster() {
        String url = System.getProperty("conversa.test.db-url");
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "a cluster needs PostgreSQL: set CONVERSA_TEST_POSTGRES_URL (the PostgreSQL pass runs this test)");
        kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS, ClusterTopics.EVENTS, ClusterTopics.SIGNALS);
        kafka.afterPropertiesSet();
        node1 = node("node-1");
        node2 = node("node-2");
        port1 = port(node1);
        port2 = port(node2);
    }

    private static ConfigurableApplicationContext node(String id) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ConversaApplication.class)
                .profiles("test")
                // arguments, not default properties: they must win over application.yml's ${CONVERSA_KAFKA_ENABLED:false}
                .run("--server.port=0", "--conversa.kafka.enabled=true",
                        "--spring.modulith.events.externalization.enabled=true",
                        "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                        "--conversa.cluster.node-id=" + id, "--conversa.cluster.partitions=" + PARTITIONS,
                        // long expiries, so that only the cache coherence signals can make a node forget in time
                        "--conversa.api.token-cache-ttl=10m", "--conversa.automation.rules-cache-ttl=10m",
                        "--conversa.sla.policies-cache-ttl=10m", "--conversa.listening.refresh-interval-ms=600000");
        // a new consumer group starts at the live end: wait until it owns its partitions before anything happens
        ContainerTestUtils.waitForAssignment(context.getBean("clusterConsumer", MessageListenerContainer.class),
                2 * PARTITIONS);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopCluster() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {node2, node1}) {
            if (node != null) {
                node.close();
            }
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    void aMessagePostedToNodeOneReachesAConsoleOnNodeTwoWithinTwoSecondsAndNodeOneOnce() throws Exception {
        var fx = new ConsoleFixture(port1, "Cluster live");
        long inboxId = fx.inbox("API", "API");
        var onTwo = ConsoleSession.login(port2, fx.adminEmail);
        var onOne = ConsoleSession.login(port1, fx.adminEmail);
        try (var live2 = onTwo.live(); var live1 = onOne.live()) {
            live2.await("event:hello", 5);
            live1.await("event:hello", 5);
            // the first record after start-up opens the producer's connection: not what a user waits for
            fx.inbound(inboxId, "first", "first", "f1", "First", "uno");
            live2.await("\"kind\":\"message\"", 15);

            long sent = System.nanoTime();
            long id = fx.inbound(inboxId, "measured", "measured", "m1", "Marta Cluster", "¿hola?");
            live2.await("{\"id\":" + id + ",\"kind\":\"message\"}", 2);
            long millis = (System.nanoTime() - sent) / 1_000_000;
            System.out.println("[ClusterIT] message on node 1 -> console on node 2: " + millis + " ms");
            assertThat(millis).isLessThan(2000);
            // node 1 shows it only as it comes back from Kafka: once, not also from its local event
            live1.await("{\"id\":" + id + ",\"kind\":\"message\"}", 2);
            Thread.sleep(1000);
            assertThat(count(live1.await("event:hello", 1), "{\"id\":" + id + ",\"kind\":\"message\"}")).isEqualTo(1);
            assertThat(count(live2.await("event:hello", 1), "{\"id\":" + id + ",\"kind\":\"message\"}")).isEqualTo(1);
        }
    }

    /**
     * Two agents in real browsers (Chromium), one signed in on each node: a customer's message taken in by node 1
     * appears in node 2's open inbox without a reload, and while both look at it each sees the other's presence.
     */
    @Test
    void twoBrowsersOnTwoNodesSeeTheSameInboxLive() {
        Browser.assumeAvailable();
        var fx = new ConsoleFixture(port1, "Cluster browsers");
        long inboxId = fx.inbox("Twitter", "API");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String agentEmail = "agent-" + tag + "@cluster.test";
        fx.user(agentEmail, "Nora Nodo", "AGENT");
        try (Browser onOne = Browser.open(port1, "en"); Browser onTwo = Browser.open(port2, "es")) {
            onOne.login(fx.adminEmail, ConsoleFixture.PASSWORD);
            onTwo.login(agentEmail, ConsoleFixture.PASSWORD);
            onTwo.driver.executeScript("window.__noReload = 'still-here';");

            long id = fx.inbound(inboxId, "cb-" + tag, "cb-" + tag, "u-" + tag, "Carla Cluster", "¿Me ayudan? " + tag);
            for (Browser b : new Browser[] {onOne, onTwo}) {
                b.wait(5).until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(b.row(id)));
            }
            assertThat(onTwo.driver.findElement(onTwo.row(id)).getText()).contains("Carla Cluster");
            assertThat(onTwo.driver.executeScript("return window.__noReload;")).isEqualTo("still-here");

            onOne.openConversation(id);
            onTwo.openConversation(id);
            onTwo.wait(20).until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.id("presence"), "Admin"));
            onOne.wait(20).until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.id("presence"), "Nora Nodo"));

            // the customer writes again (node 1 takes it in): the thread open on node 2 shows it
            fx.inbound(inboxId, "cb2-" + tag, "cb-" + tag, "u-" + tag, "Carla Cluster", "Sigo aquí " + tag);
            onTwo.wait(5).until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.id("thread"), "Sigo aquí " + tag));
        }
    }

    /**
     * Node 2 loses Kafka for a while (its consumer stops, as when the broker is out of reach) while a console stays
     * connected to it; when it reads again it resumes from its committed offsets and the console gets what it missed.
     */
    @Test
    void aConsoleOnANodeThatLostKafkaGetsWhatItMissedWhenTheNodeReadsAgain() throws Exception {
        var fx = new ConsoleFixture(port1, "Cluster resume");
        long inboxId = fx.inbox("API", "API");
        var onTwo = ConsoleSession.login(port2, fx.adminEmail);
        var consumer = node2.getBean("clusterConsumer", MessageListenerContainer.class);
        try (var live2 = onTwo.live()) {
            live2.await("event:hello", 5);
            consumer.stop();
            long id = fx.inbound(inboxId, "while-away", "while-away", "w1", "Walter Away", "¿seguís ahí?");
            Thread.sleep(1000);
            assertThat(live2.await("event:hello", 1)).doesNotContain("{\"id\":" + id + ",");
            consumer.start();
            ContainerTestUtils.waitForAssignment(consumer, 2 * PARTITIONS);
            live2.await("{\"id\":" + id + ",\"kind\":\"message\"}", 10);
        } finally {
            if (!consumer.isRunning()) {
                consumer.start();
            }
        }
    }

    @Test
    void presenceAndMentionsCrossNodes() throws Exception {
        var fx = new ConsoleFixture(port1, "Cluster presence");
        long inbox = fx.inbox("API", "API");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String anaEmail = "ana-" + tag + "@" + fx.workspace.slug() + ".test";
        String brunoEmail = "bruno-" + tag + "@" + fx.workspace.slug() + ".test";
        fx.user(anaEmail, "Ana Uno", "SUPERVISOR");
        fx.user(brunoEmail, "Bruno Dos", "SUPERVISOR");
        long conv = fx.inbound(inbox, "p-" + tag, "p-" + tag, "p" + tag, "Cliente", "help");
        var ana = ConsoleSession.login(port1, anaEmail);
        var bruno = ConsoleSession.login(port2, brunoEmail);
        try (var brunoLive = bruno.live()) {
            brunoLive.await("event:hello", 5);

            assertThat(ana.post("/conversations/" + conv + "/presence", "state", "VIEWING").status()).isEqualTo(200);
            brunoLive.await("event:presence", 2);
            assertThat(bruno.get("/conversations/" + conv + "/presence").body()).contains("Ana Uno");

            assertThat(ana.post("/conversations/" + conv + "/presence", "state", "REPLYING").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(
                    bruno.get("/conversations/" + conv + "/presence").body()).contains("replying").contains("Ana Uno"));

            assertThat(ana.post("/conversations/" + conv + "/notes", "body", "@bruno can you check?").status()).isEqualTo(200);
            brunoLive.await("event:mention", 2);
            assertThat(brunoLive.await("event:mention", 1)).contains("{\"id\":" + conv + "}");

            assertThat(ana.post("/conversations/" + conv + "/presence", "state", "LEFT").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(
                    bruno.get("/conversations/" + conv + "/presence").body()).doesNotContain("Ana Uno"));
        }
    }

    @Test
    void aWidgetOnNodeTwoSeesAnAgentReplySentOnNodeOne() throws Exception {
        var fx = new ConsoleFixture(port1, "Cluster widget");
        long inbox = fx.admin.post("/api/v1/inboxes", """
                {"name":"Web","channel":"WEBCHAT"}""").json().get("id").asLong();
        Api visitorOnTwo = new Api(port2, null);
        String token = visitorOnTwo.post("/widget/api/" + inbox + "/session", "{\"name\":\"Leo\"}").json()
                .get("token").asString();
        assertThat(visitorOnTwo.post("/widget/api/" + inbox + "/messages", """
                {"token":"%s","body":"hola, ¿hay alguien?"}""".formatted(token)).status()).isBetween(200, 201);
        long conv = fx.admin.get("/api/v1/conversations?inboxId=" + inbox).json().get("items").get(0).get("id").asLong();

        HttpClient http = HttpClient.newHttpClient();
        InputStream stream = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port2 + "/widget/api/" + inbox
                + "/stream?token=" + token)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream()).body();
        StringBuffer seen = new StringBuffer();
        Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[1024];
            try {
                for (int n; (n = stream.read(buf)) > 0; ) {
                    seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException closed) {
                // the test ended
            }
        });
        try (stream) {
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.indexOf("event:ready") >= 0);
            assertThat(fx.admin.post("/api/v1/conversations/" + conv + "/messages", """
                    {"body":"¡Hola Leo! Soy el agente del nodo 1"}""").status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.indexOf("event:message") >= 0);
            assertThat(visitorOnTwo.get("/widget/api/" + inbox + "/messages?token=" + token).body())
                    .contains("Soy el agente del nodo 1");
        }
    }

    /** A browser signed in on node 1 is served by node 2 as well: console sessions live in the shared database. */
    @Test
    void aBrowserSignedInOnOneNodeIsServedByTheOther() {
        var fx = new ConsoleFixture(port1, "Cluster session");
        long inbox = fx.inbox("API", "API");
        long conv = fx.inbound(inbox, "s-1", "s-1", "s1", "Sara Sesión", "hola");
        var onOne = ConsoleSession.login(port1, fx.adminEmail);
        var onTwo = onOne.onPort(port2);
        assertThat(onTwo.get("/inbox").body()).contains("Sara Sesión");
        // a form on node 2 with the CSRF token that node 1 issued
        assertThat(onTwo.post("/conversations/" + conv + "/notes", "body", "nota desde el nodo 2").status()).isEqualTo(200);
        assertThat(fx.admin.get("/api/v1/conversations/" + conv + "/notes").body()).contains("nota desde el nodo 2");
        // signing out on node 2 ends the session on node 1 too
        assertThat(onTwo.post("/logout").status()).isEqualTo(302);
        assertThat(onOne.get("/inbox").status()).isEqualTo(302);
    }

    /** Each node tells its part in /actuator/info: its id, its running consumer, the partitions it reads, its lag. */
    @Test
    void eachNodeShowsItsClusterRole() {
        var info = new Api(port2, null).get("/actuator/info").json().get("cluster");
        assertThat(info.get("nodeId").asString()).isEqualTo("node-2");
        assertThat(info.get("consumerRunning").asBoolean()).isTrue();
        assertThat(info.get("partitions")).hasSize(2 * PARTITIONS);
        assertThat(info.get("partitions").toString()).contains("conversa.events-0", "conversa.live-5");
        assertThat(info.has("recordsLagMax")).isTrue();
    }

    /** With the caches' expiry at 10 minutes, a token revoked on node 1 is refused by node 2 within 2 s. */
    @Test
    void aTokenRevokedOnOneNodeIsRefusedByTheOtherAtOnce() {
        Api installation = new Api(port1, Api.BOOTSTRAP_TOKEN);
        Api admin1 = installation.as(installation.createWorkspace("Cluster tokens").adminToken());
        var issued = admin1.post("/api/v1/tokens", """
                {"name":"integration","role":"AGENT"}""").json();
        Api onTwo = new Api(port2, issued.get("token").asString());
        assertThat(onTwo.get("/api/v1/conversations").status()).isEqualTo(200); // remembered on node 2 now
        assertThat(admin1.send("DELETE", "/api/v1/tokens/" + issued.get("id").asLong(), null, null).status()).isEqualTo(204);
        long revoked = System.nanoTime();
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> onTwo.get("/api/v1/conversations").status() == 401);
        System.out.println("[ClusterIT] token revoked on node 1 -> refused on node 2 after "
                + (System.nanoTime() - revoked) / 1_000_000 + " ms");
    }

    /** An automation rule created on node 1 runs for a message that node 2 takes in, after node 2 remembered "no rules". */
    @Test
    void anAutomationRuleCreatedOnOneNodeRunsOnTheOther() throws Exception {
        Api installation = new Api(port1, Api.BOOTSTRAP_TOKEN);
        String token = installation.createWorkspace("Cluster rules").adminToken();
        Api admin1 = installation.as(token);
        Api admin2 = new Api(port2, token);
        long inbox = admin1.post("/api/v1/inboxes", """
                {"name":"API","channel":"API"}""").json().get("id").asLong();
        String message = """
                {"externalId":"%s","threadKey":"%s","from":{"kind":"EMAIL","value":"%s@example.com","name":"Rosa"},"body":"otra factura mal"}""";
        long first = admin2.post("/api/v1/inboxes/" + inbox + "/messages", message.formatted("r0", "r0", "r0")).json()
                .get("conversationId").asLong();
        assertThat(admin1.post("/api/v1/automation-rules", """
                {"name":"Facturas","trigger":"MESSAGE_RECEIVED","conditions":[{"field":"body","op":"CONTAINS","value":"factura"}],
                 "actions":[{"type":"ADD_TAG","value":"billing"}]}""").status()).isEqualTo(201);
        Thread.sleep(1000); // the signal takes milliseconds; the remembered "no rules" would last 10 minutes
        long second = admin2.post("/api/v1/inboxes/" + inbox + "/messages", message.formatted("r1", "r1", "r1")).json()
                .get("conversationId").asLong();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                admin2.get("/api/v1/conversations/" + second).json().get("tags").toString()).contains("billing"));
        assertThat(admin2.get("/api/v1/conversations/" + first).json().get("tags").toString()).doesNotContain("billing");
    }

    /** A standing query created on node 1 matches posts taken in by node 2 within 2 s (periodic refresh at 10 min). */
    @Test
    void aStandingQueryCreatedOnOneNodeMatchesOnTheOther() {
        Api installation1 = new Api(port1, Api.BOOTSTRAP_TOKEN);
        Api admin1 = installation1.as(installation1.createWorkspace("Cluster listening").adminToken());
        Api installation2 = new Api(port2, Api.BOOTSTRAP_TOKEN);
        String brand = "nodo" + System.nanoTime();
        String post = """
                {"source":"twitter","externalId":"%s","text":"%s me devolvió el dinero","author":"ana","url":"https://x.com/ana/status/1"}""";
        // node 2 has loaded its index before the query exists
        assertThat(installation2.post("/api/v1/listening/posts", post.formatted(brand + "-0", brand)).json()
                .get("matched").asInt()).isZero();
        assertThat(admin1.post("/api/v1/listening/queries", """
                {"name":"Brand","query":"%s"}""".formatted(brand)).status()).isEqualTo(201);
        int[] n = {0};
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> installation2.post("/api/v1/listening/posts", post.formatted(brand + "-" + ++n[0], brand))
                        .json().get("matched").asInt() == 1);
    }

    /**
     * Both nodes take new conversations for one workspace at once, more than its agents can hold: every conversation
     * is decided once, no agent holds more than its capacity, and every assignment has exactly one decision logged.
     */
    @Test
    void concurrentArrivalsOnBothNodesAreRoutedExactly() throws Exception {
        Api api = new Api(port1, null);
        Api.TestWorkspace ws = api.createWorkspace("Cluster routing");
        Api admin1 = api.as(ws.adminToken());
        Api admin2 = new Api(port2, ws.adminToken());
        int agents = 10;
        int capacity = Math.max(1, LOAD * 3 / 4 / agents);
        List<Long> agentIds = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            long id = admin1.post("/api/v1/users", """
                    {"email":"agent%d@%s.test","name":"Agent %d","role":"AGENT","password":"%s"}"""
                    .formatted(i, ws.slug(), i, ConsoleFixture.PASSWORD))
                    .json().get("id").asLong();
            assertThat(admin1.put("/api/v1/routing/agents/" + id, """
                    {"skills":{},"capacity":{"EMAIL":%d}}""".formatted(capacity)).status()).isEqualTo(200);
            admin1.put("/api/v1/users/" + id + "/status", "{\"status\":\"AVAILABLE\"}");
            agentIds.add(id);
        }
        assertThat(admin1.put("/api/v1/routing/settings", """
                {"model":"UNIVERSAL","strategy":"LEAST_LOADED","vipFollowers":10000}""").status()).isEqualTo(200);
        long inbox = admin1.post("/api/v1/inboxes", """
                {"name":"Load","channel":"API"}""").json().get("id").asLong();

        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newFixedThreadPool(32)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < LOAD; i++) {
                Api node = i % 2 == 0 ? admin1 : admin2;
                String n = String.valueOf(i);
                sent.add(senders.submit(() -> node.post("/api/v1/inboxes/" + inbox + "/messages", """
                        {"externalId":"load-%s","from":{"kind":"EMAIL","value":"c%s@load.test"},"body":"pedido %s"}"""
                        .formatted(n, n, n)).status()));
            }
            for (Future<Integer> f : sent) {
                assertThat(f.get()).isEqualTo(201);
            }
        }
        long posted = (System.nanoTime() - start) / 1_000_000;
        int slots = agents * capacity;
        int expected = Math.min(LOAD, slots);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> scalar("SELECT count(*) FROM conversation WHERE workspace_id = ? AND assignee_id IS NOT NULL",
                        ws.id()) == expected);
        long routed = (System.nanoTime() - start) / 1_000_000;
        // a late, wrong decision would show up here
        Thread.sleep(3000);

        assertThat(scalar("SELECT count(*) FROM conversation WHERE workspace_id = ?", ws.id())).isEqualTo(LOAD);
        assertThat(scalar("SELECT count(*) FROM conversation WHERE workspace_id = ? AND assignee_id IS NOT NULL", ws.id()))
                .isEqualTo(expected);
        assertThat(scalar("""
                SELECT count(*) FROM (SELECT conversation_id FROM routing_decision WHERE workspace_id = ?
                GROUP BY conversation_id HAVING count(DISTINCT agent_id) > 1) twice""", ws.id()))
                .as("conversations assigned to two agents").isZero();
        assertThat(scalar("""
                SELECT count(*) FROM (SELECT conversation_id FROM routing_decision WHERE workspace_id = ?
                GROUP BY conversation_id HAVING count(*) > 1) repeated""", ws.id()))
                .as("conversations decided more than once").isZero();
        assertThat(scalar("SELECT count(*) FROM routing_decision WHERE workspace_id = ?", ws.id()))
                .as("one decision per assignment").isEqualTo(expected);
        assertThat(scalar("""
                SELECT count(*) FROM conversation c JOIN routing_decision d ON d.conversation_id = c.id
                WHERE c.workspace_id = ? AND d.agent_id = c.assignee_id""", ws.id()))
                .as("each assignment is the one its decision names").isEqualTo(expected);
        Map<Long, Long> held = heldBy(ws.id());
        assertThat(held.keySet()).isSubsetOf(agentIds);
        assertThat(held.values()).as("conversations per agent (capacity %d)", capacity).allMatch(n -> n <= capacity);
        System.out.printf("[ClusterIT] %d conversations over 2 nodes, %d agents x %d: posted in %d ms, %d routed after %d ms%n",
                LOAD, agents, capacity, posted, expected, routed);
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getProperty("conversa.test.db-url"),
                System.getProperty("conversa.test.db-user"), System.getProperty("conversa.test.db-password"));
    }

    private static long scalar(String sql, long workspaceId) throws SQLException {
        try (Connection c = db(); var s = c.prepareStatement(sql)) {
            s.setLong(1, workspaceId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<Long, Long> heldBy(long workspaceId) throws SQLException {
        Map<Long, Long> held = new HashMap<>();
        try (Connection c = db(); var s = c.prepareStatement("""
                SELECT assignee_id, count(*) FROM conversation WHERE workspace_id = ? AND assignee_id IS NOT NULL
                GROUP BY assignee_id""")) {
            s.setLong(1, workspaceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    held.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return held;
    }
}
