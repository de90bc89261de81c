package dev.conversa.channel.meta;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.ConnectGuide;
import dev.conversa.channel.DeliveryResult;
import dev.conversa.channel.OutboundMessage;
import dev.conversa.channel.webhook.SocialThreads;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Media;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Instagram replies (Graph API): PUBLIC as a reply to the customer's comment ({@code POST /<comment id>/replies}) or
 * a comment on the media, PRIVATE as a DM ({@code POST /<ig user id>/messages}, a private reply the first time).
 */
@Component
class InstagramAdapter implements ChannelAdapter {
    private static final ChannelCapabilities CAPABILITIES =
            new ChannelCapabilities(true, true, true, 1000, false, true, Duration.ofHours(24));
    private final MetaGraph graph;
    private final MessengerSend messenger;
    private final SocialThreads threads;

    InstagramAdapter(MetaGraph graph, MessengerSend messenger, SocialThreads threads) {
        this.graph = graph;
        this.messenger = messenger;
        this.threads = threads;
    }

    @Override
    public ChannelType type() {
        return ChannelType.INSTAGRAM;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public IdentityKind identityKind() {
        return IdentityKind.INSTAGRAM;
    }

    @Override
    public Media media() {
        return Media.SOCIAL;
    }

    @Override
    public Set<String> listeningSources() {
        return Set.of("instagram");
    }

    @Override
    public Optional<ConnectGuide> connectGuide() {
        return Optional.of(new ConnectGuide("Instagram (Graph API v23.0)",
                "https://developers.facebook.com/apps", "/hooks/meta/{inbox}"));
    }

    @Override
    public List<ChannelSetting> settings() {
        return MetaSettings.INSTAGRAM;
    }

    @Override
    public DeliveryResult send(OutboundMessage m) {
        var throttled = graph.throttled(m.inbox());
        if (throttled.isPresent()) {
            return throttled.get();
        }
        String igUserId = Objects.requireNonNullElse(MetaSettings.of(m.inbox()).igUserId(), "me");
        return MetaGraph.guarded(() -> {
            if (m.visibility() == Visibility.PRIVATE) {
                return messenger.send(m, igUserId);
            }
            String path;
            if (m.replyToExternalId() != null && threads.visibilityOf(m.workspaceId(), m.inbox().id(), m.replyToExternalId())
                    .orElse(Visibility.PRIVATE) == Visibility.PUBLIC) {
                path = "/" + m.replyToExternalId() + "/replies";
            } else if (m.threadKey() != null && m.threadKey().startsWith(InstagramIntake.MEDIA_THREAD)) {
                path = "/" + m.threadKey().substring(InstagramIntake.MEDIA_THREAD.length()) + "/comments";
            } else {
                return new DeliveryResult.Failed("this conversation has no public Instagram comment or media to answer");
            }
            var r = graph.post(m.inbox(), path, Map.of("message", m.body() == null ? "" : m.body()));
            DeliveryResult problem = graph.problem(m.inbox(), r);
            return problem != null ? problem : new DeliveryResult.Sent(r.json().path("id").asString());
        });
    }
}
