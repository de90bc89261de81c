package dev.conversa.channel.meta;

import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.Inbox;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The settings of a Facebook, Instagram or WhatsApp inbox, typed: the Graph API address and version all three share,
 * and each one's account id. Each adapter declares the shared ones and its own ({@link #FACEBOOK}, {@link #INSTAGRAM},
 * {@link #WHATSAPP}; help under {@code channel.setting.<CHANNEL>.*}); {@link #of} reads a stored inbox.
 *
 * @param pageId        the Facebook page ({@code null}: the webhook entry's, and {@code me} when sending)
 * @param igUserId      the Instagram professional account ({@code null}: likewise)
 * @param phoneNumberId the WhatsApp Business phone number id messages are sent from
 */
record MetaSettings(String apiBaseUrl, String graphVersion, String pageId, String igUserId, String phoneNumberId,
                    String wabaId) {
    private static final ChannelSetting API_BASE_URL = ChannelSetting.url("apiBaseUrl").withDefault(MetaGraph.DEFAULT_BASE);
    private static final ChannelSetting GRAPH_VERSION = ChannelSetting.text("graphVersion").withDefault(MetaGraph.GRAPH_VERSION);
    private static final ChannelSetting PAGE_ID = ChannelSetting.text("pageId");
    private static final ChannelSetting IG_USER_ID = ChannelSetting.text("igUserId");
    private static final ChannelSetting PHONE_NUMBER_ID = ChannelSetting.text("phoneNumberId");
    private static final ChannelSetting WABA_ID = ChannelSetting.text("wabaId");
    private static final List<ChannelSetting> SECRETS = List.of(ChannelSetting.secret("accessToken"),
            ChannelSetting.secret("appSecret"), ChannelSetting.secret("verifyToken"));

    static final List<ChannelSetting> FACEBOOK = spec(PAGE_ID);
    static final List<ChannelSetting> INSTAGRAM = spec(IG_USER_ID);
    static final List<ChannelSetting> WHATSAPP = spec(PHONE_NUMBER_ID, WABA_ID);

    private static List<ChannelSetting> spec(ChannelSetting... own) {
        return Stream.of(Stream.of(own), Stream.of(API_BASE_URL, GRAPH_VERSION), SECRETS.stream()).flatMap(s -> s).toList();
    }

    static MetaSettings of(Inbox inbox) {
        Map<String, String> s = inbox.settings();
        return new MetaSettings(API_BASE_URL.read(s), GRAPH_VERSION.read(s), PAGE_ID.read(s), IG_USER_ID.read(s),
                PHONE_NUMBER_ID.read(s), WABA_ID.read(s));
    }
}
