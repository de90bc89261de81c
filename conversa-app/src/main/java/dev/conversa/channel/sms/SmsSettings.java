package dev.conversa.channel.sms;

import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.Inbox;
import java.util.List;
import java.util.Map;

/**
 * An SMS (Twilio) inbox's settings, typed. {@link #SPEC} is what the channel declares (form, check before storing,
 * help under {@code channel.setting.SMS.*}); {@link #of} reads a stored inbox with the same defaults.
 *
 * @param messagingServiceSid send from this messaging service instead of {@code fromNumber}
 */
record SmsSettings(String accountSid, String fromNumber, String messagingServiceSid, String webhookBaseUrl, String apiBaseUrl) {
    private static final ChannelSetting ACCOUNT_SID = ChannelSetting.text("accountSid");
    private static final ChannelSetting FROM_NUMBER = ChannelSetting.text("fromNumber");
    private static final ChannelSetting MESSAGING_SERVICE_SID = ChannelSetting.text("messagingServiceSid");
    private static final ChannelSetting API_BASE_URL = ChannelSetting.url("apiBaseUrl").withDefault("https://api.twilio.com");

    static final List<ChannelSetting> SPEC = List.of(ACCOUNT_SID, FROM_NUMBER, MESSAGING_SERVICE_SID,
            TwilioRequests.WEBHOOK_BASE_URL, API_BASE_URL, ChannelSetting.secret("authToken"));

    static SmsSettings of(Inbox inbox) {
        Map<String, String> s = inbox.settings();
        return new SmsSettings(ACCOUNT_SID.read(s), FROM_NUMBER.read(s), MESSAGING_SERVICE_SID.read(s),
                TwilioRequests.WEBHOOK_BASE_URL.read(s), API_BASE_URL.read(s));
    }
}
