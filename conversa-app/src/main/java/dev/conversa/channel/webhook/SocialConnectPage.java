package dev.conversa.channel.webhook;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Admin → Social accounts: how to connect X, Facebook, Instagram, WhatsApp, Telegram and Mastodon (what to create
 * at the provider, which settings and secrets to enter) and, for each social inbox, the webhook URL to register and
 * its status or last error (expired or revoked tokens show here).
 */
@Controller
class SocialConnectPage {
    record Network(ChannelType channel, String title, String console, String settings, String secrets, String webhook,
                   String steps) {
    }

    static final List<Network> NETWORKS = List.of(
            new Network(ChannelType.TWITTER, "X / Twitter (API v2)", "https://developer.x.com/en/portal/dashboard",
                    "userId=\nusername=\npollMentions=false", "clientId=\nclientSecret=\naccessToken=\nrefreshToken=\nconsumerSecret=",
                    "/hooks/twitter/{inbox}",
                    "Create a Project and App with OAuth 2.0 (confidential client; scopes tweet.read tweet.write users.read dm.read "
                            + "dm.write offline.access tweet.moderate.write), authorise the brand account and enter its access and refresh "
                            + "tokens. With Account Activity access register the webhook URL (Conversa answers the CRC with the consumer "
                            + "secret); otherwise set pollMentions=true."),
            new Network(ChannelType.FACEBOOK, "Facebook page + Messenger (Graph API v23.0)", "https://developers.facebook.com/apps",
                    "pageId=", "accessToken=\nappSecret=\nverifyToken=", "/hooks/meta/{inbox}",
                    "Create a Business app with Webhooks and Messenger; subscribe the Page object (feed, messages, message_deliveries, "
                            + "message_reads, message_edits) to the webhook URL with your verify token; use a long-lived page token and "
                            + "install the app on the page (POST /{page-id}/subscribed_apps)."),
            new Network(ChannelType.INSTAGRAM, "Instagram (Graph API v23.0)", "https://developers.facebook.com/apps",
                    "igUserId=", "accessToken=\nappSecret=\nverifyToken=", "/hooks/meta/{inbox}",
                    "Add the Instagram product to the Meta app; subscribe the Instagram object (comments, mentions, messages, "
                            + "messaging_seen) to the webhook URL; the token needs instagram_manage_comments and instagram_manage_messages."),
            new Network(ChannelType.WHATSAPP, "WhatsApp (Cloud API v23.0)", "https://developers.facebook.com/apps",
                    "phoneNumberId=\nwabaId=", "accessToken=\nappSecret=\nverifyToken=", "/hooks/meta/{inbox}",
                    "Add WhatsApp to the Meta app, register the phone number, subscribe the WhatsApp Business Account object "
                            + "(messages) to the webhook URL and use a System User token with whatsapp_business_messaging. Outside the "
                            + "24-hour window only templates go out: /template <name> [<language>] [| parameter...]."),
            new Network(ChannelType.TELEGRAM, "Telegram (Bot API)", "https://t.me/BotFather",
                    "mode=webhook\nbotUsername=", "botToken=\nwebhookSecret=", "/hooks/telegram/{inbox}",
                    "Create the bot with @BotFather, then call setWebhook with the webhook URL and secret_token=<webhookSecret>; "
                            + "without a public URL set mode=polling instead."),
            new Network(ChannelType.MASTODON, "Mastodon", "https://joinmastodon.org/servers",
                    "instanceUrl=https://mastodon.social\naccountId=\nacct=\npublicVisibility=public", "accessToken=", null,
                    "On the brand's instance open Preferences → Development → New application (scopes read write:statuses "
                            + "write:media) and copy the access token. No webhook: Conversa follows the streaming API."));

    private final InboxService inboxes;
    private final String baseUrl;

    SocialConnectPage(InboxService inboxes, @Value("${conversa.base-url:http://localhost:8080}") String baseUrl) {
        this.inboxes = inboxes;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    record Connected(Inbox inbox, String webhookUrl) {
    }

    @GetMapping("/admin/social-channels")
    String page(Model model, Actor actor) {
        actor.require(Role.ADMIN);
        Map<ChannelType, List<Connected>> connected = new LinkedHashMap<>();
        for (Network n : NETWORKS) {
            connected.put(n.channel(), inboxes.list(actor).stream().filter(i -> i.channel() == n.channel())
                    .map(i -> new Connected(i, n.webhook() == null ? null : baseUrl + n.webhook().replace("{inbox}", String.valueOf(i.id()))))
                    .toList());
        }
        model.addAttribute("networks", NETWORKS);
        model.addAttribute("connected", connected);
        return "admin/social-channels";
    }
}
