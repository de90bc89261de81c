package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.ConversaIT;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Done-means 5: the inbox list of a workspace with 100,000 conversations renders in under 300 ms at p95.
 * Measures the real thing: the signed-in HTTP request for the inbox fragment (query, counts per view, tags,
 * previews, Thymeleaf rendering), as the browser makes it on every filter change and live update.
 * Figures are written to {@code target/inbox-benchmark.txt} and reported in docs/performance.md.
 */
@ConversaIT
class InboxPerformanceIT {
    static final int CONVERSATIONS = Integer.getInteger("conversa.bench.conversations", 100_000);
    static final int CUSTOMERS = 5_000;
    static final int WARMUP = 30;
    static final int RUNS = 200;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void onlyWhenAsked() {
        // 100,000 rows and ~2 minutes: run on demand, not in every build (see docs/performance.md).
        Assumptions.assumeTrue(Boolean.getBoolean("conversa.bench"), "set -Dconversa.bench=true to run the inbox benchmark");
    }

    @Test
    void theInboxOfAWorkspaceWithOneHundredThousandConversationsRendersFast() throws Exception {
        var fx = new ConsoleFixture(port, "Benchmark");
        long ws = fx.workspace.id();
        long inbox = fx.inbox("Bulk", "API");
        long started = System.nanoTime();
        seed(ws, inbox, fx.workspace.adminId());
        long seeded = (System.nanoTime() - started) / 1_000_000;

        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        login(http, fx.adminEmail);
        String[] urls = {"/inbox/list?view=ALL", "/inbox/list?view=UNASSIGNED", "/inbox/list?view=MINE",
                "/inbox/list?view=ALL&sort=PRIORITY", "/inbox/list?view=ALL&priority=HIGH"};
        for (int i = 0; i < WARMUP; i++) {
            get(http, urls[i % urls.length]);
        }
        long[] all = new long[RUNS];
        long[] newest = new long[RUNS / urls.length];
        int n = 0;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            String html = get(http, urls[i % urls.length]);
            all[i] = System.nanoTime() - t0;
            if (i % urls.length == 0) {
                newest[n++] = all[i];
                assertThat(html).contains("class=\"row");
            }
        }
        double p95 = percentile(all, 95);
        String report = """
                Inbox list, %,d conversations in one workspace (seeded in %,d ms), %d requests after %d warm-up:
                  all views: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms
                  newest-first ALL view: p50 %.1f ms, p95 %.1f ms
                """.formatted(CONVERSATIONS, seeded, RUNS, WARMUP, percentile(all, 50), p95, percentile(all, 99),
                percentile(all, 100), percentile(newest, 50), percentile(newest, 95));
        System.out.println(report);
        Files.writeString(Path.of("target", "inbox-benchmark.txt"), report);
        assertThat(p95).as("p95 of the inbox list in ms").isLessThan(Double.parseDouble(System.getProperty("conversa.bench.p95", "300")));
    }

    private void seed(long ws, long inbox, long adminId) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(new Object[] {ws, "Bench customer " + i, now, now});
        }
        jdbc.batchUpdate("INSERT INTO customer (workspace_id, name, vip, created_at, updated_at) VALUES (?, ?, FALSE, ?, ?)", customers);
        List<Long> customerIds = jdbc.queryForList("SELECT id FROM customer WHERE workspace_id = ? ORDER BY id", Long.class, ws);
        String[] statuses = {"OPEN", "OPEN", "OPEN", "PENDING", "RESOLVED"};
        String[] priorities = {"NORMAL", "NORMAL", "LOW", "HIGH", "URGENT"};
        long base = Instant.now().toEpochMilli();
        List<Object[]> rows = new ArrayList<>(10_000);
        for (int i = 0; i < CONVERSATIONS; i++) {
            Timestamp at = new Timestamp(base - (long) i * 60_000);
            rows.add(new Object[] {ws, inbox, customerIds.get(i % customerIds.size()), "Case " + i, "bench-" + i,
                    statuses[i % statuses.length], priorities[i % priorities.length], i % 7 == 0 ? adminId : null,
                    at, at, at, i % 3 == 0 ? at : null});
            if (rows.size() == 10_000) {
                insertConversations(rows);
                rows.clear();
            }
        }
        insertConversations(rows);
        jdbc.update("""
                INSERT INTO message (workspace_id, conversation_id, inbox_id, direction, visibility, author_type, body,
                    delivery_status, created_at)
                SELECT workspace_id, id, inbox_id, 'IN', 'PUBLIC', 'CUSTOMER', 'Hello, I need help with case ' || subject,
                    'RECEIVED', last_message_at FROM conversation WHERE workspace_id = ?""", ws);
        jdbc.update("""
                INSERT INTO conversation_tag (conversation_id, workspace_id, tag)
                SELECT id, workspace_id, 'billing' FROM conversation WHERE workspace_id = ? AND MOD(id, 10) = 0""", ws);
        // A bulk load leaves the planner's statistics describing empty tables until autovacuum gets to them; a running
        // installation has them (PostgreSQL's autovacuum, H2's automatic re-analysis), so measure with them.
        jdbc.execute("ANALYZE");
    }

    private void insertConversations(List<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO conversation (workspace_id, inbox_id, channel, customer_id, subject, thread_key, status, priority,
                    assignee_id, message_count, created_at, updated_at, last_message_at, waiting_since)
                VALUES (?, ?, 'API', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)""", rows);
    }

    private void login(HttpClient http, String email) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String form = "username=" + email + "&password=" + ConsoleFixture.PASSWORD + "&_csrf=" + m.group(1);
        var r = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private String get(HttpClient http, String path) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("HX-Request", "true").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    static double percentile(long[] nanos, int p) {
        long[] sorted = Arrays.stream(nanos).filter(x -> x > 0).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }
}
