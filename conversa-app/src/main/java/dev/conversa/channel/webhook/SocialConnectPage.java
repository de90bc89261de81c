package dev.conversa.channel.webhook;

import dev.conversa.channel.ChannelCatalog;
import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.ConnectGuide;
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
 * Admin → Social accounts: how to connect each channel that declares a {@link ConnectGuide} (X, Facebook, Instagram,
 * WhatsApp, Telegram and Mastodon: what to create at the provider, which settings and secrets to enter) and, for each social inbox, the webhook URL to register and
 * its status or last error (expired or revoked tokens show here).
 */
@Controller
class SocialConnectPage {
    record Network(ChannelType channel, String title, String console, String settings, String secrets, String webhook) {
    }

    private final InboxService inboxes;
    /** Every channel that declares how it is connected, with its declared settings and secrets as the text to enter. */
    private final List<Network> networks;
    private final String baseUrl;

    SocialConnectPage(InboxService inboxes, ChannelCatalog channels,
                      @Value("${conversa.base-url:http://localhost:8080}") String baseUrl) {
        this.inboxes = inboxes;
        this.networks = channels.adapters().stream().filter(a -> a.connectGuide().isPresent()).map(a -> {
            ConnectGuide g = a.connectGuide().get();
            return new Network(a.type(), g.title(), g.consoleUrl(), ChannelSetting.formText(a.settings(), false),
                    ChannelSetting.formText(a.settings(), true), g.webhookPath());
        }).toList();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    record Connected(Inbox inbox, String webhookUrl) {
    }

    @GetMapping("/admin/social-channels")
    String page(Model model, Actor actor) {
        actor.require(Role.ADMIN);
        Map<ChannelType, List<Connected>> connected = new LinkedHashMap<>();
        for (Network n : networks) {
            connected.put(n.channel(), inboxes.list(actor).stream().filter(i -> i.channel() == n.channel())
                    .map(i -> new Connected(i, n.webhook() == null ? null : baseUrl + n.webhook().replace("{inbox}", String.valueOf(i.id()))))
                    .toList());
        }
        model.addAttribute("networks", networks);
        model.addAttribute("connected", connected);
        return "admin/social-channels";
    }
}
