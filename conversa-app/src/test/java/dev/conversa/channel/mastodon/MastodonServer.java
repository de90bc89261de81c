package dev.conversa.channel.mastodon;

import com.sun.net.httpserver.HttpExchange;
import dev.conversa.support.LocalProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local Mastodon instance for one account, as https://docs.joinmastodon.org/methods/notifications/ and
 * https://docs.joinmastodon.org/methods/streaming/ document it:
 * <ul>
 * <li>{@code GET /api/v1/notifications} answers mention notifications newest first, at most {@code limit} (default
 * 40): with {@code min_id} the page immediately newer than it, with {@code since_id} the newest ones newer than it,
 * with neither the newest;</li>
 * <li>{@code GET /api/v1/streaming/user} keeps a server-sent events stream open and writes each new mention to it as
 * an {@code event: notification}, plus a {@code :thump} comment every second (the heartbeat Mastodon sends), which
 * also finds streams whose reader is gone.</li>
 * </ul>
 * Notification ids grow with time. The token is not checked.
 */
final class MastodonServer extends LocalProvider {
    static final long FIRST_ID = 40_000_000;
    private final List<String> notifications = new ArrayList<>(); // oldest first; index = id - FIRST_ID
    private final List<OutputStream> streams = new CopyOnWriteArrayList<>();

    MastodonServer() throws IOException {
    }

    int openStreams() {
        return streams.size();
    }

    /** A new status by {@code author} mentioning the account, pushed to every open stream; returns the notification id. */
    long mention(long author, String text) {
        String json;
        long id;
        synchronized (this) {
            id = FIRST_ID + notifications.size();
            String account = """
                    {"id":"%d","username":"cliente%d","acct":"cliente%d@example.social","display_name":"Cliente %d",\
                    "url":"https://example.social/@cliente%d","followers_count":12}""".formatted(author, author, author, author, author);
            json = """
                    {"id":"%d","type":"mention","created_at":"%s","account":%s,"status":{"id":"%d","created_at":"%s",\
                    "in_reply_to_id":null,"in_reply_to_account_id":null,"sensitive":false,"spoiler_text":"","visibility":"public",\
                    "language":"es","uri":"https://example.social/users/cliente%d/statuses/%d","url":"https://example.social/@cliente%d/%d",\
                    "content":"<p>@acme %s</p>","account":%s,"media_attachments":[],\
                    "mentions":[{"id":"1","username":"acme","acct":"acme","url":"https://example.social/@acme"}]}}"""
                    .formatted(id, java.time.Instant.now(), account, 900_000_000 + id, java.time.Instant.now(),
                            author, 900_000_000 + id, author, 900_000_000 + id, text, account);
            notifications.add(json);
        }
        for (OutputStream out : streams) {
            write(out, "event: notification\ndata: " + json + "\n\n");
        }
        return id;
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/api/v1/notifications")) {
            json(exchange, 200, page(query(exchange)));
        } else if (path.endsWith("/api/v1/streaming/user")) {
            stream(exchange);
        } else {
            json(exchange, 404, "{\"error\":\"Record not found\"}");
        }
    }

    private synchronized String page(Map<String, String> q) {
        int limit = Integer.parseInt(q.getOrDefault("limit", "40"));
        List<String> page = new ArrayList<>();
        if (q.containsKey("min_id")) {
            int from = (int) (Long.parseLong(q.get("min_id")) - FIRST_ID + 1);
            for (int i = Math.max(0, from); i < notifications.size() && page.size() < limit; i++) {
                page.addFirst(notifications.get(i));
            }
        } else {
            int lowest = q.containsKey("since_id") ? (int) (Long.parseLong(q.get("since_id")) - FIRST_ID + 1) : 0;
            for (int i = notifications.size() - 1; i >= Math.max(0, lowest) && page.size() < limit; i--) {
                page.add(notifications.get(i));
            }
        }
        return "[" + String.join(",", page) + "]";
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        write(out, ":)\n");
        streams.add(out);
        try {
            while (streams.contains(out)) {
                Thread.sleep(1000);
                write(out, ":thump\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.remove(out);
        }
    }

    private void write(OutputStream out, String text) {
        try {
            synchronized (out) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException gone) {
            streams.remove(out);
        }
    }

    @Override
    public void close() {
        streams.clear();
        super.close();
    }
}
