package dev.conversa.channel.twitter;

import static dev.conversa.channel.webhook.Json.text;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.InboxStatus;
import dev.conversa.channel.webhook.SocialHttp;
import dev.conversa.channel.webhook.SocialState;
import dev.conversa.kernel.ChannelType;
import dev.conversa.lease.Lease;
import dev.conversa.lease.LeaseLost;
import dev.conversa.lease.Leases;
import dev.conversa.kernel.Backoff;
import dev.conversa.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Polls the X API v2 mentions timeline ({@code GET /2/users/:id/mentions}) of inboxes with {@code pollMentions=true}
 * (accounts without Account Activity access), from the last seen post id on. A 429 skips polls until the reset.
 * On a cluster one node polls each account: the holder of the lease {@code x-inbox:<id>}; the cursor moves only under
 * that lease's fencing token.
 */
@Component
class TwitterMentionsPoller extends Worker {
    private static final Logger log = LoggerFactory.getLogger(TwitterMentionsPoller.class);
    static final String FIELDS = "tweet.fields=conversation_id,created_at,author_id,in_reply_to_user_id,referenced_tweets,"
            + "attachments,edit_history_tweet_ids&expansions=author_id,attachments.media_keys"
            + "&user.fields=name,username,profile_image_url,public_metrics&media.fields=type,url,preview_image_url";

    private final TwitterApi api;
    private final TwitterIntake intake;
    private final SocialState state;
    private final InboxService inboxes;
    private final Leases leases;
    private final MentionsPolling polling;

    TwitterMentionsPoller(TwitterApi api, TwitterIntake intake, SocialState state, InboxService inboxes, Leases leases,
                          MentionsPolling polling) {
        super("x-mentions-poller", new Backoff(polling.every(), Duration.ofMinutes(15)));
        this.leases = leases;
        this.polling = polling;
        this.api = api;
        this.intake = intake;
        this.state = state;
        this.inboxes = inboxes;
    }

    static String leaseName(long inboxId) {
        return "x-inbox:" + inboxId;
    }

    /** Polls one inbox now, if this node holds its lease; returns how many posts were ingested. */
    int pollNow(Inbox inbox) {
        String userId = TwitterSettings.of(inbox).userId();
        if (userId == null) {
            return 0;
        }
        Lease lease = leases.hold(leaseName(inbox.id())).orElse(null);
        if (lease == null) {
            return 0; // another node polls this account
        }
        String url = TwitterApi.url(inbox, "/users/" + userId + "/mentions") + "?max_results=100&" + FIELDS
                + state.cursor(inbox.id(), "mentions.since_id").map(s -> "&since_id=" + s).orElse("");
        if (api.limits().blocked(TwitterApi.limitKey(inbox, url)).isPresent()) {
            return 0;
        }
        try {
            // Newest first, 100 a page: follow next_token back to the last seen post, then ingest oldest first. The
            // cursor moves only when every page was read, so an error halfway reads the same range again (stored once).
            List<JsonNode> pages = new ArrayList<>();
            String next = null;
            boolean complete = false;
            while (pages.size() < polling.maxPages()) {
                SocialHttp.Response r = api.call(inbox, b -> b.GET(), next == null ? url : url + "&pagination_token=" + next);
                if (r.status() == 429) {
                    api.limits().limited(TwitterApi.limitKey(inbox, url), r, Duration.ofMinutes(15));
                    break;
                }
                if (!r.ok()) {
                    log.warn("X mentions poll of inbox {} failed: {}", inbox.id(), r);
                    break;
                }
                pages.add(r.json());
                next = text(r.json().path("meta"), "next_token");
                if (next == null) {
                    complete = true;
                    break;
                }
            }
            if (!complete && next != null && pages.size() == polling.maxPages()) {
                log.warn("X inbox {}: more than {} pages of mentions since the last poll; older ones are skipped",
                        inbox.id(), polling.maxPages());
                complete = true;
            }
            int n = 0;
            for (JsonNode page : pages.reversed()) {
                n += intake.ingestV2(inbox, page);
            }
            String newest = pages.isEmpty() ? null : text(pages.getFirst().path("meta"), "newest_id");
            if (complete && newest != null) {
                state.cursor(lease, inbox.id(), "mentions.since_id", newest);
            }
            return n;
        } catch (LeaseLost e) {
            log.info("X inbox {}: {}; another node polls it now", inbox.id(), e.getMessage());
            return 0;
        } catch (TwitterApi.TokenRevoked e) {
            inboxes.reportError(inbox.workspaceId(), inbox.id(), e.getMessage());
            return 0;
        }
    }

    @Override
    protected Duration round() {
        for (Inbox inbox : inboxes.allOfChannel(ChannelType.TWITTER)) {
            if (inbox.status() == InboxStatus.ACTIVE && TwitterSettings.of(inbox).pollMentions()) {
                pollNow(inbox);
            }
        }
        return polling.every();
    }
}
