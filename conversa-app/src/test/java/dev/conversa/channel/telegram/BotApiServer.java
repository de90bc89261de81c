package dev.conversa.channel.telegram;

import com.sun.net.httpserver.HttpExchange;
import dev.conversa.support.LocalProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server that speaks the Bot API's long polling as https://core.telegram.org/bots/api#getupdates documents
 * it: {@code getUpdates} answers the updates whose {@code update_id} is at least {@code offset} (at most
 * {@code limit}, default 100), in order; an update is confirmed, and never answered again, once a call asks with an
 * offset above its id; with nothing to answer, the call waits up to {@code timeout} seconds for an update to arrive.
 * Answers are {@code {"ok":true,"result":[...]}}. One bot; the token is not checked.
 */
final class BotApiServer extends LocalProvider {
    private final List<String> updates = new ArrayList<>(); // index = update_id - FIRST
    private long confirmedBelow;
    private final AtomicInteger calls = new AtomicInteger();
    static final long FIRST = 500_000;

    BotApiServer() throws IOException {
        confirmedBelow = FIRST;
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

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.endsWith("/getUpdates")) {
            json(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            return;
        }
        calls.incrementAndGet();
        Map<String, String> query = query(exchange);
        long offset = Long.parseLong(query.getOrDefault("offset", "0"));
        int timeout = Integer.parseInt(query.getOrDefault("timeout", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        try {
            json(exchange, 200, "{\"ok\":true,\"result\":[" + String.join(",", answer(offset, timeout, limit)) + "]}");
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
}
