package dev.conversa.channel.voice;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.DeliveryResult;
import dev.conversa.channel.OutboundMessage;
import dev.conversa.customer.IdentityKind;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Media;
import java.util.List;
import org.springframework.stereotype.Component;

/** Calls carry no text: the console offers notes and wrap-up on a call, never a reply box. */
@Component
class VoiceAdapter implements ChannelAdapter {
    static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(false, false, false, 0, false, false, null);

    @Override
    public ChannelType type() {
        return ChannelType.VOICE;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public IdentityKind identityKind() {
        return IdentityKind.PHONE;
    }

    @Override
    public Media media() {
        return Media.CALL;
    }

    @Override
    public List<ChannelSetting> settings() {
        return VoiceSettings.SPEC;
    }

    @Override
    public DeliveryResult send(OutboundMessage message) {
        return new DeliveryResult.Failed("a phone call cannot carry a text reply; call the customer back or use another channel");
    }
}
