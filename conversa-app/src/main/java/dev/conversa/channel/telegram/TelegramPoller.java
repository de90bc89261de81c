package dev.conversa.channel.telegram;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.InboxStatus;
import dev.conversa.channel.webhook.SocialDeliveryQueue;
import dev.conversa.channel.webhook.SocialHttp;
import dev.conversa.channel.webhook.SocialState;
import dev.conversa.kernel.ChannelType;
import dev.conversa.lease.Lease;
import dev.conversa.lease.LeaseLost;
import dev.conversa.lease.Leases;
import dev.conversa.worker.Worker;
import dev.conversa.kernel.Backoff;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Long polling ({@code getUpdates}) for bots whose inbox has {@code mode=polling} (no public URL for a webhook).
 * Each update goes through the same persisted queue as webhook updates, keyed by {@code update_id}; the offset is
 * stored after the updates are, so a crash re-reads rather than loses. On a cluster one node polls each bot: the
 * holder of the lease {@code telegram-inbox:<id>}; the offset moves only under that lease's fencing token.
 */
@Component
class TelegramPoller extends Worker {
    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
    private final SocialHttp http;
    private final InboxService inboxes;
    private final SocialState state;
    private final SocialDeliveryQueue queue;
    private final Leases leases;

    TelegramPoller(SocialHttp http, InboxService inboxes, SocialState state, SocialDeliveryQueue queue, Leases leases) {
        super("telegram-poller", new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(2)));
        this.leases = leases;
        this.http = http;
        this.inboxes = inboxes;
        this.state = state;
        this.queue = queue;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String leaseName(long inboxId) {
        return "telegram-inbox:" + inboxId;
    }

    /**
     * One {@code getUpdates} call waiting up to {@code timeoutSeconds}, if this node holds the bot's lease; returns how
     * many new updates were stored.
     */
    int pollOnce(Inbox inbox, int timeoutSeconds) {
        Lease lease = leases.hold(leaseName(inbox.id())).orElse(null);
        if (lease == null) {
            return 0; // another node polls this bot
        }
        String offset = state.cursor(inbox.id(), "updates.offset").orElse(null);
        String url = TelegramBot.method(inbox, inboxes, "getUpdates") + "?timeout=" + timeoutSeconds
                + "&allowed_updates=" + SocialHttp.enc("[\"message\",\"edited_message\"]") + (offset == null ? "" : "&offset=" + offset);
        SocialHttp.Response r = http.send(http.request(url).timeout(Duration.ofSeconds(timeoutSeconds + 15L)).GET().build());
        if (r.status() == 401 || r.status() == 404) {
            inboxes.reportError(inbox.workspaceId(), inbox.id(), "Telegram rejected the bot token: " + r.json().path("description").asString());
            return 0;
        }
        if (!TelegramBot.ok(r)) {
            log.info("Telegram getUpdates of inbox {}: {}", inbox.id(), r);
            return 0;
        }
        int stored = 0;
        long next = -1;
        for (JsonNode update : r.json().path("result")) {
            long id = update.path("update_id").asLong();
            if (queue.enqueue(inbox.workspaceId(), inbox.id(), TelegramWebhook.SOURCE, "update:" + id, update.toString())) {
                stored++;
            }
            next = Math.max(next, id + 1);
        }
        if (next > 0) {
            try {
                state.cursor(lease, inbox.id(), "updates.offset", String.valueOf(next));
            } catch (LeaseLost e) {
                log.info("Telegram inbox {}: {}; another node polls it now", inbox.id(), e.getMessage());
            }
        }
        return stored;
    }

    @Override
    protected Duration round() throws InterruptedException {
        boolean any = false;
        for (Inbox inbox : inboxes.allOfChannel(ChannelType.TELEGRAM)) {
            if (inbox.status() == InboxStatus.ACTIVE && TelegramSettings.of(inbox).polling()
                    && leases.hold(leaseName(inbox.id())).isPresent()) {
                any = true;
                pollOnce(inbox, 20);
            }
        }
        // a long poll waits by itself; with no bot of ours, ask for the leases again as often as a takeover needs
        return any ? Duration.ZERO : min(IDLE, leases.askEvery());
    }
}
