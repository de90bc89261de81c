package dev.conversa.channel.webchat;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.DeliveryResult;
import dev.conversa.channel.OutboundMessage;
import dev.conversa.channel.email.EmailFollowUps;
import dev.conversa.cluster.LiveSignals;
import dev.conversa.customer.IdentityKind;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Media;
import jakarta.mail.MessagingException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Replies to the website widget. The transcript lives in Conversa, so a reply is delivered once stored; an open
 * widget is told at once. When the visitor has left the page and gave an email address, the reply also goes out
 * as an email follow-up through the inbox's {@code followUpEmailInboxId}. On a cluster "left the page" means no
 * widget of theirs is connected to the node that delivers the reply: a widget open on another node still gets the
 * reply live, and the email goes out as well.
 */
@Component
class WebchatAdapter implements ChannelAdapter {
    static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(false, true, false, 5000, true, true, null);

    private final WebchatVisitors visitors;
    private final WebchatHub hub;
    private final EmailFollowUps followUps;
    private final LiveSignals signals;

    WebchatAdapter(WebchatVisitors visitors, WebchatHub hub, EmailFollowUps followUps, LiveSignals signals) {
        this.visitors = visitors;
        this.signals = signals;
        this.hub = hub;
        this.followUps = followUps;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBCHAT;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public IdentityKind identityKind() {
        return IdentityKind.WEBCHAT;
    }

    @Override
    public Media media() {
        return Media.CHAT;
    }

    @Override
    public List<ChannelSetting> settings() {
        return WebchatSettings.SPEC;
    }

    @Override
    public DeliveryResult send(OutboundMessage message) {
        if (message.recipient() == null) {
            return new DeliveryResult.Failed("no widget visitor for this customer");
        }
        List<WebchatVisitors.Visitor> all = visitorsOf(message);
        boolean online = all.stream().anyMatch(v -> hub.connected(v.id()));
        all.forEach(v -> signals.send(new WidgetNudge(message.workspaceId(), v.id())));
        WebchatSettings settings = WebchatSettings.of(message.inbox());
        if (!online && settings.followUpEmailInboxId() != null) {
            var withEmail = all.stream().filter(v -> v.email() != null && !v.email().isBlank()).findFirst();
            if (withEmail.isPresent()) {
                try {
                    followUps.send(message.workspaceId(), settings.followUpEmailInboxId(), withEmail.get().email(),
                            withEmail.get().name(), settings.followUpSubject(),
                            message.body() + "\n\n— " + (message.authorName() == null ? message.inbox().name()
                                    : message.authorName()));
                    return new DeliveryResult.Sent("webchat-email:" + message.messageId());
                } catch (MessagingException e) {
                    return new DeliveryResult.RetryLater("email follow-up: " + e.getMessage(), null);
                }
            }
        }
        return new DeliveryResult.Sent("webchat:" + message.messageId());
    }

    private List<WebchatVisitors.Visitor> visitorsOf(OutboundMessage message) {
        String value = message.recipient().value();
        if (value.startsWith("visitor:")) {
            return visitors.find(Long.parseLong(value.substring("visitor:".length()))).stream().toList();
        }
        return visitors.ofUser(message.inbox().id(), value.replaceFirst("^user:", ""));
    }
}
