package dev.conversa.channel.mastodon;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.ConnectGuide;
import dev.conversa.channel.DeliveryResult;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.OutboundMessage;
import dev.conversa.channel.webhook.RateLimits;
import dev.conversa.channel.webhook.SocialHttp;
import dev.conversa.channel.webhook.SocialThreads;
import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Media;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Replies as Mastodon statuses ({@code POST /api/v1/statuses}) in reply to the customer's status, mentioning them:
 * PUBLIC replies are {@code public}, PRIVATE ones {@code direct} (only mentioned people see them). The
 * {@code Idempotency-Key} is the message id, so a retried send never posts twice. Mastodon has no delivery
 * receipts: SENT is the last status.
 */
@Component
class MastodonAdapter implements ChannelAdapter {
    private static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(true, true, true, 500, false, false, null);
    private final SocialHttp http;
    private final InboxService inboxes;
    private final RateLimits limits;
    private final SocialThreads threads;

    MastodonAdapter(SocialHttp http, InboxService inboxes, RateLimits limits, SocialThreads threads) {
        this.http = http;
        this.inboxes = inboxes;
        this.limits = limits;
        this.threads = threads;
    }

    @Override
    public ChannelType type() {
        return ChannelType.MASTODON;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public IdentityKind identityKind() {
        return IdentityKind.MASTODON;
    }

    @Override
    public Media media() {
        return Media.SOCIAL;
    }

    @Override
    public Set<String> listeningSources() {
        return Set.of("mastodon");
    }

    @Override
    public Optional<ConnectGuide> connectGuide() {
        return Optional.of(new ConnectGuide("Mastodon", "https://joinmastodon.org/servers", null));
    }

    @Override
    public List<ChannelSetting> settings() {
        return MastodonSettings.SPEC;
    }

    @Override
    public DeliveryResult send(OutboundMessage m) {
        String key = "mastodon:" + m.inbox().id();
        var blocked = limits.blocked(key);
        if (blocked.isPresent()) {
            return new DeliveryResult.RetryLater("Mastodon rate limit; retrying in " + blocked.get().toSeconds() + "s", blocked.get());
        }
        String base = MastodonApi.instance(m.inbox());
        String token = MastodonApi.token(m.inbox(), inboxes);
        try {
            List<String> mediaIds = new ArrayList<>();
            for (Attachment a : m.attachments() == null ? List.<Attachment>of() : m.attachments()) {
                var multipart = SocialHttp.multipart(a.fileName() == null ? Map.of() : Map.of("description", a.fileName()),
                        "file", a.fileName() == null ? "file" : a.fileName(), a.contentType(), http.download(a.url()));
                SocialHttp.Response r = http.send(multipart.applyTo(http.request(base + "/api/v2/media"))
                        .header("Authorization", "Bearer " + token).build());
                DeliveryResult problem = problem(m, key, r);
                if (problem != null) {
                    return problem;
                }
                mediaIds.add(r.json().path("id").asString());
            }
            String acct = m.recipient().value();
            String text = m.body() == null ? "" : m.body();
            if (acct != null && !text.toLowerCase().contains("@" + acct.toLowerCase())) {
                text = "@" + acct + " " + text;
            }
            boolean direct = m.visibility() == Visibility.PRIVATE;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", text);
            body.put("visibility", direct ? "direct" : MastodonSettings.of(m.inbox()).publicVisibility());
            if (m.replyToExternalId() != null) {
                body.put("in_reply_to_id", m.replyToExternalId());
            }
            if (!mediaIds.isEmpty()) {
                body.put("media_ids", mediaIds);
            }
            SocialHttp.Response r = http.send(http.postJson(base + "/api/v1/statuses", body).header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", "conversa-message-" + m.messageId()).build());
            DeliveryResult problem = problem(m, key, r);
            if (problem != null) {
                return problem;
            }
            limits.observe(key, r);
            if (direct) {
                threads.linkPrivateThread(m.workspaceId(), m.inbox().id(), MastodonIntake.DM_THREAD + acct, m.conversationId());
            }
            return new DeliveryResult.Sent(r.json().path("id").asString());
        } catch (UncheckedIOException e) {
            return new DeliveryResult.RetryLater("Mastodon unreachable: " + e.getMessage(), null);
        }
    }

    private DeliveryResult problem(OutboundMessage m, String key, SocialHttp.Response r) {
        if (r.ok()) {
            return null;
        }
        if (r.status() == 429) {
            Duration wait = limits.limited(key, r, Duration.ofMinutes(5));
            return new DeliveryResult.RetryLater("Mastodon rate limit (429); retrying in " + wait.toSeconds() + "s", wait);
        }
        String error = r.json().path("error").asString();
        if (r.status() == 401) {
            String why = "Mastodon rejected the access token: " + error;
            inboxes.reportError(m.workspaceId(), m.inbox().id(), why);
            return new DeliveryResult.Failed(why);
        }
        if (r.status() >= 500) {
            return new DeliveryResult.RetryLater("Mastodon answered " + r.status(), null);
        }
        return new DeliveryResult.Failed("Mastodon refused the status (HTTP " + r.status() + "): " + error);
    }
}
