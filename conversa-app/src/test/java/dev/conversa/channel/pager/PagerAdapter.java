package dev.conversa.channel.pager;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.DeliveryResult;
import dev.conversa.channel.OutboundMessage;
import dev.conversa.customer.IdentityKind;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Media;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A throw-away channel that exists only in the tests: it brings its own type, declarations and delivery, and is
 * registered by one bean ({@link ThrowawayChannelIT.Registration}). Nothing in the main sources names it. Its
 * "provider" is a list of the pages it was asked to send.
 */
class PagerAdapter implements ChannelAdapter {
    static final ChannelType PAGER = ChannelType.define("PAGER");
    static final ChannelSetting GATEWAY_URL = ChannelSetting.url("gatewayUrl");
    static final ChannelSetting PRIORITY = ChannelSetting.number("priority", 3);
    static final ChannelSetting TONE = ChannelSetting.choice("tone", "beep", List.of("beep", "silent"));

    record Page(String to, String text, String gatewayUrl, int priority) {
    }

    final List<Page> sent = new CopyOnWriteArrayList<>();

    @Override
    public ChannelType type() {
        return PAGER;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return new ChannelCapabilities(false, true, false, 160, false, false, null);
    }

    @Override
    public IdentityKind identityKind() {
        return IdentityKind.EXTERNAL;
    }

    @Override
    public Media media() {
        return Media.CHAT;
    }

    @Override
    public Set<String> listeningSources() {
        return Set.of("pager");
    }

    @Override
    public List<ChannelSetting> settings() {
        return List.of(GATEWAY_URL, PRIORITY, TONE, ChannelSetting.secret("gatewayKey"));
    }

    @Override
    public DeliveryResult send(OutboundMessage message) {
        if (message.recipient() == null) {
            return new DeliveryResult.Failed("no pager number for this customer");
        }
        if (!"k-123".equals(message.secrets().get("gatewayKey"))) {
            return new DeliveryResult.Failed("the gateway refuses the key");
        }
        sent.add(new Page(message.recipient().value(), message.body(), GATEWAY_URL.read(message.inbox().settings()),
                PRIORITY.readNumber(message.inbox().settings(), 1)));
        return new DeliveryResult.Sent("page-" + message.messageId());
    }
}
