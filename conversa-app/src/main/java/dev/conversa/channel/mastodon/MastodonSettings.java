package dev.conversa.channel.mastodon;

import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.Inbox;
import java.util.List;
import java.util.Map;

/**
 * A Mastodon inbox's settings, typed. {@link #SPEC} is what the channel declares (form, check before storing, help
 * under {@code channel.setting.MASTODON.*}); {@link #of} reads a stored inbox with the same defaults.
 *
 * @param accountId        the brand account's id on its instance: its own statuses are not ingested
 * @param publicVisibility the visibility of a PUBLIC reply ({@code public}, {@code unlisted} or {@code private})
 * @param streaming        follow the streaming API (else nothing arrives until it is turned on again)
 */
record MastodonSettings(String instanceUrl, String accountId, String acct, String publicVisibility, boolean streaming) {
    private static final ChannelSetting INSTANCE_URL = ChannelSetting.url("instanceUrl").withDefault("https://mastodon.social");
    private static final ChannelSetting ACCOUNT_ID = ChannelSetting.text("accountId");
    private static final ChannelSetting ACCT = ChannelSetting.text("acct");
    private static final ChannelSetting PUBLIC_VISIBILITY = ChannelSetting.choice("publicVisibility", "public",
            List.of("public", "unlisted", "private"));
    private static final ChannelSetting STREAMING = ChannelSetting.bool("streaming", true);

    static final List<ChannelSetting> SPEC = List.of(INSTANCE_URL, ACCOUNT_ID, ACCT, PUBLIC_VISIBILITY, STREAMING,
            ChannelSetting.secret("accessToken"));

    static MastodonSettings of(Inbox inbox) {
        Map<String, String> s = inbox.settings();
        return new MastodonSettings(INSTANCE_URL.read(s), ACCOUNT_ID.read(s), ACCT.read(s), PUBLIC_VISIBILITY.readChoice(s),
                STREAMING.readBoolean(s));
    }
}
