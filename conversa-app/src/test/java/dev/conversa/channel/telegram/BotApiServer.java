package dev.conversa.channel.telegram;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server that speaks the Bot API's long polling as https://core.telegram.org/bots/api#getupdates documents
 * it: {@code getUpdates} answers the updates whose {@code update_id} is at least {@code offset} (at most
 * {@code limit}, default 100), in order; an update is confirmed, and never answered again, once a call asks with an
 * offset above its id; with nothing to answer, the call waits up to {@code timeout} seconds for an update to arrive.
 * Answers are {@code {"ok":true,"result":[...]}}. One bot; the token is not checked.
 */
final class BotApiServer implements AutoCloseable {
    private final HttpServer server;
    private final List<String> updates = new ArrayList<>(); // index = update_id - FIRST
    private long confirmedBelow;
    private final AtomicInteger calls = new AtomicInteger();
    static final long FIRST = 500_000;

    BotApiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        confirmedBelow = FIRST;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int calls() {
        return calls.get();
    }

    /** Makes a private text message from the chat {@code chat} available as the next update. */
    synchronized long add(long chat, String text) {
        long id = FIRST + updates.size();
        updates.add("""
                {"update_id":%d,"message":{"message_id":%d,"from":{"id":%d,"is_bot":false,"first_name":"Cliente"},\
                "chat":{"id":%d,"first_name":"Cliente","type":"private"},"date":%d,"text":"%s"}}"""
                .formatted(id, id - FIRST + 1, chat, chat, System.currentTimeMillis() / 1000, text));
        notifyAll();
        return id;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.endsWith("/getUpdates")) {
                respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                return;
            }
            calls.incrementAndGet();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            long offset = Long.parseLong(query.getOrDefault("offset", "0"));
            int timeout = Integer.parseInt(query.getOrDefault("timeout", "0"));
            int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
            respond(exchange, 200, "{\"ok\":true,\"result\":[" + String.join(",", answer(offset, timeout, limit)) + "]}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized List<String> answer(long offset, int timeoutSeconds, int limit) throws InterruptedException {
        confirmedBelow = Math.max(confirmedBelow, offset);
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (true) {
            int from = (int) (confirmedBelow - FIRST);
            if (from < updates.size()) {
                return new ArrayList<>(updates.subList(from, Math.min(updates.size(), from + limit)));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
