package dev.conversa.channel.twitter;

import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.Inbox;
import java.util.List;
import java.util.Map;

/**
 * An X (Twitter) inbox's settings, typed. {@link #SPEC} is what the channel declares (form, check before storing, help
 * under {@code channel.setting.TWITTER.*}); {@link #of} reads a stored inbox with the same defaults.
 *
 * @param userId       the brand account's numeric id: its own posts are not ingested, and mentions are polled for it
 * @param pollMentions poll the mentions timeline (without Account Activity webhooks)
 */
record TwitterSettings(String userId, String username, boolean pollMentions, String apiBaseUrl) {
    private static final ChannelSetting USER_ID = ChannelSetting.text("userId");
    private static final ChannelSetting USERNAME = ChannelSetting.text("username");
    private static final ChannelSetting POLL_MENTIONS = ChannelSetting.bool("pollMentions", false);
    private static final ChannelSetting API_BASE_URL = ChannelSetting.url("apiBaseUrl").withDefault(TwitterApi.DEFAULT_BASE);

    static final List<ChannelSetting> SPEC = List.of(USER_ID, USERNAME, POLL_MENTIONS, API_BASE_URL,
            ChannelSetting.secret("clientId"), ChannelSetting.secret("clientSecret"), ChannelSetting.secret("accessToken"),
            ChannelSetting.secret("refreshToken"), ChannelSetting.secret("consumerSecret"));

    static TwitterSettings of(Inbox inbox) {
        Map<String, String> s = inbox.settings();
        return new TwitterSettings(USER_ID.read(s), USERNAME.read(s), POLL_MENTIONS.readBoolean(s), API_BASE_URL.read(s));
    }
}
