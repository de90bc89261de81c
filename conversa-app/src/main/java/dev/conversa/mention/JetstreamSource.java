package dev.conversa.mention;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Backoff;
import dev.conversa.worker.Worker;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bluesky's public firehose of posts through Jetstream, matched against every workspace's standing queries
 * (mentions with source {@code bluesky}). A JDK WebSocket asks for one message at a time and handles it before
 * asking for the next, so a slow database slows the stream down instead of filling memory (Jetstream then drops
 * the connection, and the reconnection resumes from the cursor). The {@code time_us} of the last handled event is
 * stored at most every {@code save-every} and whenever the connection ends; a reconnection, or a restarted
 * node, asks Jetstream to replay from it (the event at the cursor comes again and is stored once: mentions are
 * unique by post). Reconnections wait {@code initial-backoff}, doubled for each further connection that delivered
 * nothing, up to {@code max-backoff}.
 */
@Component
class JetstreamSource extends Worker {
    private static final Logger log = LoggerFactory.getLogger(JetstreamSource.class);
    static final Actor INTAKE = new Actor(null, null, Role.INSTALLATION_ADMIN, "jetstream", null);

    private final JetstreamProperties properties;
    private final StreamCursorStore cursors;
    private final MentionService mentions;
    private final JsonMapper json = JsonMapper.builder().build();
    private ExecutorService executor;
    private HttpClient http;
    private volatile Connection current;
    /** Connections in a row that delivered nothing: they back off, a connection with events resets it. */
    private int emptyConnections;
    private volatile WebSocket socket;

    JetstreamSource(JetstreamProperties properties, StreamCursorStore cursors, MentionService mentions) {
        super("jetstream", new Backoff(properties.initialBackoff(), properties.maxBackoff()));
        this.properties = properties;
        this.cursors = cursors;
        this.mentions = mentions;
    }

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected void starting() {
        executor = Executors.newVirtualThreadPerTaskExecutor();
        http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** One connection, from the stored cursor until it ends; then the wait before the next one. */
    @Override
    protected Duration round() throws InterruptedException {
        Connection connection = new Connection();
        current = connection;
        socket = null;
        try {
            URI uri = subscribeUri(cursors.position(JetstreamEvent.SOURCE).orElse(-1));
            CompletableFuture<WebSocket> opening = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                    .buildAsync(uri, connection);
            // a stop completes connection.closed: it ends the wait for the handshake as well as the connection's
            CompletableFuture.anyOf(opening, connection.closed).get(30, TimeUnit.SECONDS);
            if (!connection.closed.isDone()) {
                socket = opening.getNow(null);
            } else {
                opening.thenAccept(WebSocket::abort);
            }
            String end = connection.closed.get();
            log.info("Jetstream closed: {}", end);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.info("Jetstream connection ended: {}", e.getCause() != null ? e.getCause().toString() : e.toString());
        } finally {
            connection.saveCursor();
            WebSocket s = socket;
            if (s != null) {
                s.abort();
            }
        }
        emptyConnections = connection.events > 0 ? 0 : emptyConnections + 1;
        return backoff(emptyConnections);
    }

    /** Ends the connection, so that the round returns after saving its cursor (an interrupt could cut that write). */
    @Override
    protected void stopping() {
        Connection c = current;
        if (c != null) {
            c.closed.complete("stopped");
        }
        WebSocket s = socket;
        if (s != null) {
            s.abort();
        }
    }

    @Override
    protected boolean interruptOnStop() {
        return false;
    }

    @Override
    protected void stopped() {
        executor.close();
    }

    /** {@code initial-backoff} after a connection that delivered events, doubled for each one since that did not. */
    Duration backoff(int emptyConnections) {
        return new Backoff(properties.initialBackoff(), properties.maxBackoff()).after(emptyConnections);
    }

    URI subscribeUri(long cursor) {
        String base = properties.url();
        String query = "wantedCollections=" + JetstreamEvent.POSTS + "&wantedCollections=" + JetstreamEvent.REPOSTS + (cursor > 0 ? "&cursor=" + cursor : "");
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    /** One WebSocket connection: handles each message before it asks for the next. */
    private final class Connection implements WebSocket.Listener {
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        long events;
        private long lastCursor = -1;
        private long savedCursor = -1;
        private long savedAt = System.nanoTime();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                try {
                    handle(message);
                } catch (RuntimeException e) {
                    // the database is away, say: end the connection; the cursor stays before this event
                    closed.completeExceptionally(e);
                    return null;
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        private void handle(String message) {
            JsonNode event;
            try {
                event = json.readTree(message);
            } catch (JacksonException e) {
                log.info("Jetstream: a message that is not JSON was skipped");
                return;
            }
            JetstreamEvent.Share share = JetstreamEvent.share(event);
            // a repost or quote of a post some workspace mentions counts on it instead of becoming a mention
            boolean counted = share != null && mentions.share(JetstreamEvent.SOURCE, share.shareId(), share.originalId(),
                    share.quote());
            PublicPost post = counted ? null : JetstreamEvent.post(event);
            if (post != null) {
                try {
                    mentions.ingest(post, INTAKE);
                } catch (InvalidInputException refused) {
                    log.info("Jetstream: post {} refused: {}", post.externalId(), refused.getMessage());
                }
            }
            events++;
            long cursor = JetstreamEvent.cursor(event);
            if (cursor > lastCursor) {
                lastCursor = cursor;
            }
            if (System.nanoTime() - savedAt >= properties.saveEvery().toNanos()) {
                saveCursor();
            }
        }

        synchronized void saveCursor() {
            if (lastCursor > savedCursor) {
                cursors.save(JetstreamEvent.SOURCE, lastCursor);
                savedCursor = lastCursor;
            }
            savedAt = System.nanoTime();
        }
    }
}
