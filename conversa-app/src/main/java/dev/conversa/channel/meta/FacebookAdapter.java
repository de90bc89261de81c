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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Facebook page replies (Graph API): PUBLIC as a comment under the customer's comment or on the post
 * ({@code POST /<object id>/comments}), PRIVATE through Messenger ({@link MessengerSend}).
 */
@Component
class FacebookAdapter implements ChannelAdapter {
    private static final ChannelCapabilities CAPABILITIES =
            new ChannelCapabilities(true, true, true, 8000, false, true, Duration.ofHours(24));
    private final MetaGraph graph;
    private final MessengerSend messenger;
    private final SocialThreads threads;

    FacebookAdapter(MetaGraph graph, MessengerSend messenger, SocialThreads threads) {
        this.graph = graph;
        this.messenger = messenger;
        this.threads = threads;
    }

    @Override
    public ChannelType type() {
        return ChannelType.FACEBOOK;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public IdentityKind identityKind() {
        return IdentityKind.FACEBOOK;
    }

    @Override
    public Media media() {
        return Media.SOCIAL;
    }

    @Override
    public Set<String> listeningSources() {
        return Set.of("facebook");
    }

    @Override
    public Optional<ConnectGuide> connectGuide() {
        return Optional.of(new ConnectGuide("Facebook page + Messenger (Graph API v23.0)",
                "https://developers.facebook.com/apps", "/hooks/meta/{inbox}"));
    }

    @Override
    public List<ChannelSetting> settings() {
        return MetaSettings.FACEBOOK;
    }

    @Override
    public DeliveryResult send(OutboundMessage m) {
        var throttled = graph.throttled(m.inbox());
        if (throttled.isPresent()) {
            return throttled.get();
        }
        String pageId = MetaSettings.of(m.inbox()).pageId();
        return MetaGraph.guarded(() -> {
            if (m.visibility() == Visibility.PRIVATE) {
                return messenger.send(m, pageId == null ? "me" : pageId);
            }
            String target = publicTarget(m, FacebookIntake.POST_THREAD);
            if (target == null) {
                return new DeliveryResult.Failed("this conversation has no public post to comment on");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", m.body());
            if (m.attachments() != null && !m.attachments().isEmpty()) {
                body.put("attachment_url", m.attachments().getFirst().url());
            }
            var r = graph.post(m.inbox(), "/" + target + "/comments", body);
            DeliveryResult problem = graph.problem(m.inbox(), r);
            return problem != null ? problem : new DeliveryResult.Sent(r.json().path("id").asString());
        });
    }

    /** The customer's latest public comment, else the thread's post or media. */
    String publicTarget(OutboundMessage m, String threadPrefix) {
        if (m.replyToExternalId() != null && threads.visibilityOf(m.workspaceId(), m.inbox().id(), m.replyToExternalId())
                .orElse(Visibility.PRIVATE) == Visibility.PUBLIC) {
            return m.replyToExternalId();
        }
        return m.threadKey() != null && m.threadKey().startsWith(threadPrefix) ? m.threadKey().substring(threadPrefix.length()) : null;
    }
}
