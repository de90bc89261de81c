package dev.conversa.channel.voice;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.DeliveryResult;
import dev.conversa.channel.OutboundMessage;
import dev.conversa.kernel.ChannelType;
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
    public List<ChannelSetting> settings() {
        return List.of(
                ChannelSetting.text("agents", "Who answers: endpoint=agent email, comma separated (client:ana=ana@example.com,PJSIP/1001=luis@example.com)"),
                ChannelSetting.url("webhookBaseUrl", "This installation's public URL, as Twilio calls it"),
                ChannelSetting.text("amiHost", "Asterisk Manager Interface host (Asterisk instead of Twilio)"),
                ChannelSetting.number("amiPort", 5038, "Asterisk Manager Interface port"),
                ChannelSetting.text("amiUsername", "Asterisk Manager user"),
                ChannelSetting.text("amiContext", "Asterisk dialplan context of the queue's calls"),
                ChannelSetting.url("recordingBaseUrl", "Where Asterisk's recordings can be fetched"),
                ChannelSetting.secret("authToken", "Twilio auth token"),
                ChannelSetting.secret("amiSecret", "Asterisk Manager password"));
    }

    @Override
    public DeliveryResult send(OutboundMessage message) {
        return new DeliveryResult.Failed("a phone call cannot carry a text reply; call the customer back or use another channel");
    }
}
