package dev.conversa.channel.mastodon;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.InboxStatus;
import dev.conversa.channel.webhook.SocialDeliveryQueue;
import dev.conversa.channel.webhook.SocialHttp;
import dev.conversa.channel.webhook.SocialState;
import dev.conversa.kernel.Backoff;
import dev.conversa.kernel.ChannelType;
import dev.conversa.lease.Lease;
import dev.conversa.lease.LeaseLost;
import dev.conversa.lease.Leases;
import dev.conversa.worker.Worker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads each Mastodon inbox's user stream ({@code GET /api/v1/streaming/user}, server-sent events) on a virtual
 * thread and stores its events in the intake queue: {@code notification} (mentions, DMs), {@code status.update}
 * (edits) and {@code delete}. Once each (re)connection is open, the mentions missed meanwhile are fetched from
 * {@code /api/v1/notifications}; both paths store a notification under its id, so it is processed once.
 * On a cluster one node follows each account: the holder of the lease {@code mastodon-inbox:<id>}, asked for at every
 * scan (every {@code conversa.leases.retry-every}). Losing the lease closes the stream at once, and the cursor moves only under its fencing token.
 */
@Component
class MastodonStream extends Worker {
    static final String SOURCE = "mastodon";
    private static final Logger log = LoggerFactory.getLogger(MastodonStream.class);
    /** Mastodon's largest notifications page, and how many pages one catch-up reads at most. */
    private static final int PAGE = 40;
    private static final int CATCH_UP_PAGES = 50;

    private final InboxService inboxes;
    private final SocialState state;
    private final SocialDeliveryQueue queue;
    private final SocialHttp http;
    private final HttpClient streaming = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Long, Thread> streams = new ConcurrentHashMap<>();
    /** The open stream of each inbox, closed when its lease is lost (a blocked read does not notice an interrupt). */
    private final Map<Long, java.io.InputStream> open = new ConcurrentHashMap<>();
    private final Leases leases;

    MastodonStream(InboxService inboxes, SocialState state, SocialDeliveryQueue queue, SocialHttp http, Leases leases) {
        super("mastodon-streams", new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1)));
        this.leases = leases;
        this.inboxes = inboxes;
        this.state = state;
        this.queue = queue;
        this.http = http;
    }

    static String leaseName(long inboxId) {
        return "mastodon-inbox:" + inboxId;
    }

    /** This node's lease of the inbox; {@link LeaseLost} when another node follows it. */
    private Lease lease(Inbox inbox) {
        return leases.hold(leaseName(inbox.id()), () -> stopFollowing(inbox.id()))
                .orElseThrow(() -> new LeaseLost(leaseName(inbox.id())));
    }

    private void stopFollowing(long inboxId) {
        Thread t = streams.get(inboxId);
        if (t != null) {
            t.interrupt();
        }
        java.io.InputStream body = open.remove(inboxId);
        if (body != null) {
            try {
                body.close();
            } catch (IOException e) {
                log.debug("Mastodon stream of inbox {}: closing: {}", inboxId, e.toString());
            }
        }
    }

    /**
     * Fetches the mentions since the last one seen; returns how many new ones were stored. With a cursor it pages
     * forward with {@code min_id} (the page immediately newer than it) until a page is short, so a long disconnection
     * loses nothing ({@code since_id} would answer only the newest page); the first time, only the newest page.
     */
    int catchUp(Inbox inbox) {
        Lease lease = lease(inbox);
        String cursor = state.cursor(inbox.id(), "notifications.since_id").orElse(null);
        int stored = 0;
        for (int page = 0; page < CATCH_UP_PAGES; page++) {
            String url = MastodonApi.instance(inbox) + "/api/v1/notifications?types%5B%5D=mention&limit=" + PAGE
                    + (cursor == null ? "" : "&min_id=" + cursor);
            SocialHttp.Response r = http.send(http.request(url).header("Authorization", "Bearer " + MastodonApi.token(inbox, inboxes))
                    .GET().build());
            if (r.status() == 401 || r.status() == 403) {
                inboxes.reportError(inbox.workspaceId(), inbox.id(), "Mastodon rejected the access token: " + r);
                return stored;
            }
            if (!r.ok()) {
                return stored;
            }
            String newest = cursor;
            List<JsonNode> notifications = new ArrayList<>();
            r.json().forEach(notifications::add);
            int size = notifications.size();
            // oldest first: store() moves the cursor with each one, so a crash halfway leaves the rest after it
            notifications.sort((a, b) -> compareIds(a.path("id").asString(), b.path("id").asString()));
            for (JsonNode n : notifications) {
                if (store(inbox, lease, "notification", n.toString())) {
                    stored++;
                }
                String id = n.path("id").asString();
                if (newest == null || compareIds(id, newest) > 0) {
                    newest = id;
                }
            }
            boolean first = cursor == null;
            if (newest != null && !newest.equals(cursor)) {
                state.cursor(lease, inbox.id(), "notifications.since_id", newest);
                cursor = newest;
            }
            if (first || size < PAGE) {
                break;
            }
        }
        return stored;
    }

    /**
     * Opens the stream, fetches the mentions missed while it was closed ({@link #catchUp}), then reads the stream until
     * the server closes it; returns how many new events were stored.
     */
    int streamOnce(Inbox inbox) throws IOException, InterruptedException {
        Lease lease = lease(inbox);
        HttpRequest request = HttpRequest.newBuilder(URI.create(MastodonApi.instance(inbox) + "/api/v1/streaming/user"))
                .header("Authorization", "Bearer " + MastodonApi.token(inbox, inboxes)).header("Accept", "text/event-stream")
                .GET().build();
        HttpResponse<java.io.InputStream> response = streaming.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            response.body().close();
            inboxes.reportError(inbox.workspaceId(), inbox.id(), "Mastodon refused the stream: HTTP " + response.statusCode());
            return 0;
        }
        open.put(inbox.id(), response.body());
        if (!lease.held()) {
            stopFollowing(inbox.id()); // lost while connecting: the hook ran before the stream was registered
        }
        // Catch up only now that the stream is open: a mention posted between the two is in the stream or in the
        // catch-up (or both: stored once), never in neither.
        int stored = 0;
        try {
            stored = catchUp(inbox);
        } catch (RuntimeException e) {
            response.body().close();
            open.remove(inbox.id(), response.body());
            throw e;
        }
        try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (event != null && !data.isEmpty() && store(inbox, lease, event, data.toString())) {
                        stored++;
                    }
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                }
            }
        } finally {
            open.remove(inbox.id(), response.body());
        }
        return stored;
    }

    private boolean store(Inbox inbox, Lease lease, String event, String data) {
        String key;
        switch (event) {
            case "notification" -> {
                JsonNode n = http.mapper().readTree(data);
                if (!"mention".equals(n.path("type").asString())) {
                    return false;
                }
                key = "notification:" + n.path("id").asString();
            }
            case "delete" -> key = "delete:" + data;
            case "status.update" -> {
                JsonNode s = http.mapper().readTree(data);
                key = "edit:" + s.path("id").asString() + ":" + s.path("edited_at").asString();
            }
            default -> {
                return false; // timeline updates, filters...
            }
        }
        Map<String, String> envelope = new LinkedHashMap<>();
        envelope.put("event", event);
        envelope.put("payload", data);
        boolean stored = queue.enqueue(inbox.workspaceId(), inbox.id(), SOURCE, key, http.mapper().writeValueAsString(envelope));
        if (event.equals("notification")) {
            // only once the notification is in the queue: a crash between the two reads it again, stored once
            String id = key.substring("notification:".length());
            String since = state.cursor(inbox.id(), "notifications.since_id").orElse(null);
            if (since == null || compareIds(id, since) > 0) {
                state.cursor(lease, inbox.id(), "notifications.since_id", id);
            }
        }
        return stored;
    }

    /** Mastodon ids are numeric strings of growing length. */
    static int compareIds(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    /**
     * Starts a stream for each active streaming inbox whose lease this node holds or takes; each stream is a thread of
     * its own (a long-lived connection), ended when the inbox's lease is lost or the worker stops.
     */
    @Override
    protected Duration round() {
        for (Inbox inbox : inboxes.allOfChannel(ChannelType.MASTODON)) {
            if (inbox.status() == InboxStatus.ACTIVE && MastodonSettings.of(inbox).streaming()
                    && leases.hold(leaseName(inbox.id()), () -> stopFollowing(inbox.id())).isPresent()) {
                streams.computeIfAbsent(inbox.id(), id -> Thread.ofVirtual().name("mastodon-stream-" + id)
                        .start(() -> follow(inbox.id())));
            }
        }
        // as often as a free lease can be taken, so a dead node's streams move without extra delay
        return leases.askEvery();
    }

    /** Keeps one inbox's stream open, reconnecting with backoff, until the inbox stops being active. */
    private void follow(long inboxId) {
        Backoff reconnect = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));
        int failures = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                var inbox = state.inbox(inboxId, ChannelType.MASTODON).filter(i -> i.status() == InboxStatus.ACTIVE
                        && MastodonSettings.of(i).streaming());
                if (inbox.isEmpty() || !leases.holds(leaseName(inboxId))) {
                    return;
                }
                try {
                    streamOnce(inbox.get());
                    failures = 0;
                } catch (IOException | RuntimeException e) {
                    log.info("Mastodon stream of inbox {} dropped: {}", inboxId, e.toString());
                    failures++;
                }
                Thread.sleep(failures == 0 ? Duration.ofSeconds(1) : reconnect.after(failures));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.remove(inboxId);
        }
    }

    @Override
    protected void stopped() {
        streams.values().forEach(Thread::interrupt);
    }
}
