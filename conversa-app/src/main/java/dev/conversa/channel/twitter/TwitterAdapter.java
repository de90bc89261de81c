package dev.conversa.channel.twitter;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.ConnectGuide;
import dev.conversa.channel.DeliveryResult;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.OutboundMessage;
import dev.conversa.channel.webhook.SocialHttp;
import dev.conversa.channel.webhook.SocialThreads;
import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Media;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Replies on X through the X API v2: PUBLIC as a post in reply to the customer's latest post of the thread
 * ({@code POST /2/tweets}), PRIVATE as a direct message ({@code POST /2/dm_conversations/with/:id/messages}).
 * A DM sent from a public thread links the DM thread to the conversation, so the customer's answer stays in the case.
 */
@Component
class TwitterAdapter implements ChannelAdapter {
    static final String TWEET_THREAD = "tweet:";
    static final String DM_THREAD = "dm:";
    private static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(true, true, true, 280, false, true, null);

    private final TwitterApi api;
    private final InboxService inboxes;
    private final SocialThreads threads;

    TwitterAdapter(TwitterApi api, InboxService inboxes, SocialThreads threads) {
        this.api = api;
        this.inboxes = inboxes;
        this.threads = threads;
    }

    @Override
    public ChannelType type() {
        return ChannelType.TWITTER;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public IdentityKind identityKind() {
        return IdentityKind.TWITTER;
    }

    @Override
    public Media media() {
        return Media.SOCIAL;
    }

    @Override
    public Set<String> listeningSources() {
        return Set.of("twitter", "x");
    }

    @Override
    public Optional<ConnectGuide> connectGuide() {
        return Optional.of(new ConnectGuide("X / Twitter (API v2)",
                "https://developer.x.com/en/portal/dashboard", "/hooks/twitter/{inbox}"));
    }

    @Override
    public List<ChannelSetting> settings() {
        return TwitterSettings.SPEC;
    }

    @Override
    public DeliveryResult send(OutboundMessage m) {
        boolean dm = m.visibility() == Visibility.PRIVATE;
        String url = dm ? TwitterApi.url(m.inbox(), "/dm_conversations/with/" + m.recipient().value() + "/messages")
                : TwitterApi.url(m.inbox(), "/tweets");
        Optional<Duration> blocked = api.limits().blocked(TwitterApi.limitKey(m.inbox(), url));
        if (blocked.isPresent()) {
            return new DeliveryResult.RetryLater("X rate limit reached; the window resets in " + blocked.get().toSeconds() + "s",
                    blocked.get());
        }
        try {
            List<String> mediaIds = new ArrayList<>();
            for (Attachment a : m.attachments() == null ? List.<Attachment>of() : m.attachments()) {
                DeliveryResult failed = upload(m, a, dm, mediaIds);
                if (failed != null) {
                    return failed;
                }
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("text", m.body() == null ? "" : m.body());
            if (dm) {
                if (!mediaIds.isEmpty()) {
                    body.put("attachments", mediaIds.stream().map(id -> Map.of("media_id", id)).toList());
                }
            } else {
                String inReplyTo = m.replyToExternalId() != null ? m.replyToExternalId()
                        : m.threadKey() != null && m.threadKey().startsWith(TWEET_THREAD) ? m.threadKey().substring(TWEET_THREAD.length()) : null;
                if (inReplyTo != null) {
                    body.put("reply", Map.of("in_reply_to_tweet_id", inReplyTo));
                }
                if (!mediaIds.isEmpty()) {
                    body.put("media", Map.of("media_ids", mediaIds));
                }
            }
            String json = api.http().mapper().writeValueAsString(body);
            SocialHttp.Response r = api.call(m.inbox(), b -> b.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)), url);
            DeliveryResult problem = problem(m, r, url);
            if (problem != null) {
                return problem;
            }
            var data = r.json().path("data");
            if (dm) {
                threads.linkPrivateThread(m.workspaceId(), m.inbox().id(), DM_THREAD + m.recipient().value(), m.conversationId());
                return new DeliveryResult.Sent(data.path("dm_event_id").asString());
            }
            return new DeliveryResult.Sent(data.path("id").asString());
        } catch (TwitterApi.TokenRevoked e) {
            inboxes.reportError(m.workspaceId(), m.inbox().id(), e.getMessage());
            return new DeliveryResult.Failed(e.getMessage());
        } catch (UncheckedIOException e) {
            return new DeliveryResult.RetryLater("X unreachable: " + e.getMessage(), null);
        }
    }

    /** Media upload (X API v2 {@code POST /2/media/upload}); the file is read from the attachment's URL. */
    private DeliveryResult upload(OutboundMessage m, Attachment a, boolean dm, List<String> mediaIds) {
        byte[] bytes = api.http().download(a.url());
        String category = (dm ? "dm_" : "tweet_") + (a.contentType().startsWith("video/") ? "video"
                : a.contentType().equals("image/gif") ? "gif" : "image");
        String url = TwitterApi.url(m.inbox(), "/media/upload");
        var multipart = SocialHttp.multipart(Map.of("media_category", category), "media", a.fileName(), a.contentType(), bytes);
        SocialHttp.Response r = api.call(m.inbox(), multipart::applyTo, url);
        DeliveryResult problem = problem(m, r, url);
        if (problem != null) {
            return problem;
        }
        mediaIds.add(r.json().path("data").path("id").asString());
        return null;
    }

    private DeliveryResult problem(OutboundMessage m, SocialHttp.Response r, String url) {
        if (r.ok()) {
            return null;
        }
        if (r.status() == 429) {
            Duration wait = api.limits().limited(TwitterApi.limitKey(m.inbox(), url), r, Duration.ofMinutes(1));
            return new DeliveryResult.RetryLater("X rate limit (429); retrying after the reset in " + wait.toSeconds() + "s", wait);
        }
        if (r.status() >= 500) {
            return new DeliveryResult.RetryLater("X answered " + r.status(), null);
        }
        String detail = r.json().path("detail").asString();
        return new DeliveryResult.Failed("X refused the message (HTTP " + r.status() + ")"
                + (detail == null || detail.isEmpty() ? "" : ": " + detail));
    }
}
