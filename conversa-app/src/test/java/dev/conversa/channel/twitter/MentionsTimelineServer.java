package dev.conversa.channel.twitter;

import com.sun.net.httpserver.HttpExchange;
import dev.conversa.support.LocalProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server for one account's mentions timeline as
 * https://docs.x.com/x-api/users/get-mentions documents it: {@code GET /2/users/:id/mentions} answers the posts newer
 * than {@code since_id}, newest first, {@code max_results} a page (5–100, default 10); {@code meta} holds
 * {@code result_count}, {@code newest_id}, {@code oldest_id} and, when older posts remain, a {@code next_token} that
 * {@code pagination_token} takes back (tokens are opaque to the client; here they name the next post's position).
 * Post ids grow with time, as X's snowflake ids do. Authors are in {@code includes.users}. The token is not checked.
 */
final class MentionsTimelineServer extends LocalProvider {
    static final long FIRST_ID = 1_860_000_000_000_000_000L;
    private final List<String> posts = new ArrayList<>(); // oldest first; index = id - FIRST_ID
    private final List<String> authors = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    MentionsTimelineServer() throws IOException {
    }

    int calls() {
        return calls.get();
    }

    /** A new post by {@code author} mentioning the account; returns its id. */
    synchronized long mention(long author, String text) {
        long id = FIRST_ID + posts.size();
        posts.add("""
                {"id":"%d","text":"@acme %s","author_id":"%d","conversation_id":"%d","created_at":"%s",\
                "edit_history_tweet_ids":["%d"]}""".formatted(id, text, author, id, java.time.Instant.now(), id));
        authors.add("""
                {"id":"%d","name":"Cliente %d","username":"cliente_%d","public_metrics":{"followers_count":10}}"""
                .formatted(author, author, author));
        return id;
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().matches(".*/2/users/[0-9]+/mentions")) {
            json(exchange, 404, "{\"title\":\"Not Found Error\",\"status\":404}");
            return;
        }
        calls.incrementAndGet();
        json(exchange, 200, page(query(exchange)));
    }

    private synchronized String page(Map<String, String> q) {
        int size = Integer.parseInt(q.getOrDefault("max_results", "10"));
        long since = q.containsKey("since_id") ? Long.parseLong(q.get("since_id")) : FIRST_ID - 1;
        int lowest = (int) Math.max(0, since - FIRST_ID + 1); // oldest index still answered
        int top = q.containsKey("pagination_token") ? Integer.parseInt(q.get("pagination_token")) : posts.size() - 1;
        List<String> data = new ArrayList<>();
        List<String> users = new ArrayList<>();
        int i = top;
        for (; i >= lowest && data.size() < size; i--) {
            data.add(posts.get(i));
            users.add(authors.get(i));
        }
        if (data.isEmpty()) {
            return "{\"meta\":{\"result_count\":0}}";
        }
        String next = i >= lowest ? ",\"next_token\":\"" + i + "\"" : "";
        return """
                {"data":[%s],"includes":{"users":[%s]},"meta":{"result_count":%d,"newest_id":"%d","oldest_id":"%d"%s}}"""
                .formatted(String.join(",", data), String.join(",", users), data.size(), FIRST_ID + top,
                        FIRST_ID + i + 1, next);
    }
}
