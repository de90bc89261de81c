package dev.conversa.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load harness (not a test): posts inbound messages through the REST API of a running Conversa and reports
 * throughput and latency percentiles, then checks that every accepted message was stored exactly once.
 *
 * <pre>java -cp conversa-benchmarks/target/benchmarks.jar dev.conversa.benchmarks.load.IngestLoad \
 *     http://localhost:8080 BOOTSTRAP_TOKEN [messages=20000] [concurrency=32] [threads=2000]</pre>
 */
public final class IngestLoad {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private IngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String bootstrap = args[1];
        int messages = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2_000;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String slug = "load-" + UUID.randomUUID().toString().substring(0, 8);
        String created = call(http, "POST", base + "/api/v1/workspaces", bootstrap,
                "{\"slug\":\"" + slug + "\",\"name\":\"Load test\"}", 201);
        String token = find(TOKEN, created);
        long inbox = Long.parseLong(find(ID, call(http, "POST", base + "/api/v1/inboxes", token,
                "{\"name\":\"load\",\"channel\":\"API\"}", 201)));
        String url = base + "/api/v1/inboxes/" + inbox + "/messages";

        // Warm-up: JIT (its compiler threads compete for the same two cores for tens of thousands of requests),
        // connection pool, statement caches; it also opens the conversation of every thread.
        int warmup = Math.max(Math.min(threads, messages), messages / 2);
        run(http, url, token, "warm", warmup, concurrency, threads);
        System.out.printf("warm-up: %d messages%n", warmup);

        Result r = run(http, url, token, "run", messages, concurrency, threads);
        long[] lat = r.latenciesNanos();
        Arrays.sort(lat);
        double seconds = r.elapsedNanos() / 1e9;
        System.out.printf("posted %d messages with %d concurrent clients in %.2f s: %.0f messages/s%n",
                messages, concurrency, seconds, messages / seconds);
        System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", pct(lat, 50), pct(lat, 95), pct(lat, 99),
                lat[lat.length - 1] / 1e6);
        System.out.printf("errors: %d%n", r.errors());

        // Redelivering accepted messages must store nothing new: each answers 200 with the first message.
        int redelivered = 0;
        for (int i = 0; i < Math.min(500, messages); i++) {
            int thread = i % threads;
            String body = "{\"externalId\":\"run-" + i + "\",\"threadKey\":\"t-" + thread + "\",\"from\":{\"kind\":\"TWITTER\","
                    + "\"value\":\"" + (100000 + thread) + "\"},\"body\":\"again\"}";
            call(http, "POST", url, token, body, 200);
            redelivered++;
        }
        System.out.printf("redelivered %d messages: all answered 200 (duplicate)%n", redelivered);
        System.out.printf("expected messages stored: %d%n", warmup + messages);
    }

    record Result(long[] latenciesNanos, long elapsedNanos, int errors) {
    }

    private static Result run(HttpClient http, String url, String token, String prefix, int messages, int concurrency,
                              int threads) throws InterruptedException {
        long[] latencies = new long[messages];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (int w = 0; w < concurrency; w++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < messages) {
                        int thread = i % threads;
                        String body = "{\"externalId\":\"" + prefix + "-" + i + "\",\"threadKey\":\"t-" + thread + "\","
                                + "\"from\":{\"kind\":\"TWITTER\",\"value\":\"" + (100000 + thread) + "\",\"name\":\"Customer "
                                + thread + "\"},\"body\":\"Mi pedido " + i + " no ha llegado todavía, ¿me ayudáis? #help\","
                                + "\"visibility\":\"PUBLIC\"}";
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(url))
                                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            if (resp.statusCode() != 201) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - t0;
                        done.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        return new Result(latencies, System.nanoTime() - start, errors.get());
    }

    private static double pct(long[] sorted, double p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }

    private static String call(HttpClient http, String method, String url, String token, String body, int expected)
            throws Exception {
        var b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            throw new IllegalStateException("not found in " + s);
        }
        return m.group(1);
    }
}
