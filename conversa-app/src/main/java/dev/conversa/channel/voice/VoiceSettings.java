package dev.conversa.channel.voice;

import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.sms.TwilioRequests;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A phone inbox's settings, typed: Twilio Voice or, with {@code amiHost}, an Asterisk PBX. {@link #SPEC} is what the
 * channel declares (form, check before storing, help under {@code channel.setting.VOICE.*}); {@link #of} reads the
 * stored values with the same defaults.
 *
 * @param agents     provider names of agents (Twilio client, device or extension), lowercased, to their email
 * @param amiContext the dialplan context of incoming trunk calls; {@code null}: every call counts
 */
record VoiceSettings(Map<String, String> agents, String webhookBaseUrl, String amiHost, int amiPort, String amiUsername,
                     String amiContext, String recordingBaseUrl) {
    private static final ChannelSetting AGENTS = ChannelSetting.text("agents");
    private static final ChannelSetting WEBHOOK_BASE_URL = TwilioRequests.WEBHOOK_BASE_URL;
    private static final ChannelSetting AMI_HOST = ChannelSetting.text("amiHost");
    private static final ChannelSetting AMI_PORT = ChannelSetting.number("amiPort", 5038);
    private static final ChannelSetting AMI_USERNAME = ChannelSetting.text("amiUsername");
    private static final ChannelSetting AMI_CONTEXT = ChannelSetting.text("amiContext");
    private static final ChannelSetting RECORDING_BASE_URL = ChannelSetting.url("recordingBaseUrl");

    static final List<ChannelSetting> SPEC = List.of(AGENTS, WEBHOOK_BASE_URL, AMI_HOST, AMI_PORT, AMI_USERNAME, AMI_CONTEXT,
            RECORDING_BASE_URL, ChannelSetting.secret("authToken"), ChannelSetting.secret("amiSecret"));

    public VoiceSettings {
        agents = Map.copyOf(agents);
    }

    static VoiceSettings of(Map<String, String> s) {
        return new VoiceSettings(agents(AGENTS.read(s)), WEBHOOK_BASE_URL.read(s), AMI_HOST.read(s), AMI_PORT.readNumber(s, 1),
                AMI_USERNAME.read(s), AMI_CONTEXT.read(s), RECORDING_BASE_URL.read(s));
    }

    /** Listens on Asterisk's manager interface rather than Twilio's webhooks. */
    boolean ami() {
        return amiHost != null;
    }

    /** {@code client:ana=ana@acme.test,PJSIP/1001=luis@acme.test}: the last of a name repeated wins. */
    private static Map<String, String> agents(String value) {
        Map<String, String> out = new HashMap<>();
        for (String pair : (value == null ? "" : value).split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                out.put(kv[0].strip().toLowerCase(Locale.ROOT), kv[1].strip());
            }
        }
        return out;
    }
}
