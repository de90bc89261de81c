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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Polls the X API v2 mentions timeline ({@code GET /2/users/:id/mentions}) of inboxes with {@code pollMentions=true}
 * (accounts without Account Activity access), from the last seen post id on. A 429 skips polls until the reset.
 * On a cluster one node polls each account: the holder of the lease {@code x-inbox:<id>}; the cursor moves only under
 * that lease's fencing token.
 */
@Component
class TwitterMentionsPoller extends Worker {
    private static final Logger log = LoggerFactory.getLogger(TwitterMentionsPoller.class);
    private static final Duration INTERVAL = Duration.ofSeconds(60);
    static final String FIELDS = "tweet.fields=conversation_id,created_at,author_id,in_reply_to_user_id,referenced_tweets,"
            + "attachments,edit_history_tweet_ids&expansions=author_id,attachments.media_keys"
            + "&user.fields=name,username,profile_image_url,public_metrics&media.fields=type,url,preview_image_url";

    private final TwitterApi api;
    private final TwitterIntake intake;
    private final SocialState state;
    private final InboxService inboxes;
    private final Leases leases;

    TwitterMentionsPoller(TwitterApi api, TwitterIntake intake, SocialState state, InboxService inboxes, Leases leases) {
        super("x-mentions-poller", new Backoff(INTERVAL, Duration.ofMinutes(15)));
        this.leases = leases;
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
            SocialHttp.Response r = api.call(inbox, b -> b.GET(), url);
            if (r.status() == 429) {
                api.limits().limited(TwitterApi.limitKey(inbox, url), r, Duration.ofMinutes(15));
                return 0;
            }
            if (!r.ok()) {
                log.warn("X mentions poll of inbox {} failed: {}", inbox.id(), r);
                return 0;
            }
            var page = r.json();
            int n = intake.ingestV2(inbox, page);
            String newest = text(page.path("meta"), "newest_id");
            if (newest != null) {
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
        return INTERVAL;
    }
}
