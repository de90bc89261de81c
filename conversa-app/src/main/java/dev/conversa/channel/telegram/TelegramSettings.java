package dev.conversa.channel.telegram;

import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.Inbox;
import java.util.List;
import java.util.Map;

/**
 * A Telegram inbox's settings, typed. {@link #SPEC} is what the channel declares (form, check before storing, help
 * under {@code channel.setting.TELEGRAM.*}); {@link #of} reads a stored inbox with the same defaults.
 *
 * @param polling getUpdates long polling instead of the webhook (for installations without a public URL)
 */
record TelegramSettings(boolean polling, String botUsername, String apiBaseUrl) {
    private static final ChannelSetting MODE = ChannelSetting.choice("mode", "webhook", List.of("webhook", "polling"));
    private static final ChannelSetting BOT_USERNAME = ChannelSetting.text("botUsername");
    private static final ChannelSetting API_BASE_URL = ChannelSetting.url("apiBaseUrl").withDefault(TelegramBot.DEFAULT_BASE);

    static final List<ChannelSetting> SPEC = List.of(MODE, BOT_USERNAME, API_BASE_URL,
            ChannelSetting.secret("botToken"), ChannelSetting.secret("webhookSecret"));

    static TelegramSettings of(Inbox inbox) {
        Map<String, String> s = inbox.settings();
        return new TelegramSettings("polling".equals(MODE.readChoice(s)), BOT_USERNAME.read(s), API_BASE_URL.read(s));
    }
}
