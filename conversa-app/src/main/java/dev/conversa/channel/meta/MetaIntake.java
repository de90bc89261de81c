package dev.conversa.channel.meta;

import static dev.conversa.channel.webhook.Json.text;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.webhook.SocialDelivery;
import dev.conversa.channel.webhook.SocialDeliveryHandler;
import dev.conversa.channel.webhook.SocialHttp;
import dev.conversa.channel.webhook.SocialState;
import dev.conversa.kernel.ChannelType;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Routes a stored Meta delivery to the network it is about ({@code object}: page, instagram,
 * whatsapp_business_account) and to the inbox of the entry's account: one app may serve several pages or numbers
 * of a workspace, so an entry goes to the inbox whose page/account/phone number id matches. An entry no inbox matches
 * is retried (the inbox may be being set up), then becomes a dead letter; so does an unknown object.
 */
@Component
class MetaIntake implements SocialDeliveryHandler {
    private final SocialState state;
    private final SocialHttp http;
    private final FacebookIntake facebook;
    private final InstagramIntake instagram;
    private final WhatsAppIntake whatsapp;

    MetaIntake(SocialState state, SocialHttp http, FacebookIntake facebook, InstagramIntake instagram, WhatsAppIntake whatsapp) {
        this.state = state;
        this.http = http;
        this.facebook = facebook;
        this.instagram = instagram;
        this.whatsapp = whatsapp;
    }

    @Override
    public String source() {
        return MetaWebhook.SOURCE;
    }

    @Override
    public void process(SocialDelivery d) {
        Inbox hook = state.inbox(d.inboxId(), ChannelType.FACEBOOK, ChannelType.INSTAGRAM, ChannelType.WHATSAPP).orElse(null);
        if (hook == null) {
            throw new SocialDeliveryHandler.NoInbox("inbox " + d.inboxId() + " is disabled or no longer a Meta inbox");
        }
        JsonNode root = http.mapper().readTree(d.payload());
        String object = text(root, "object");
        if (!root.path("entry").isArray() || root.path("entry").isEmpty()) {
            throw new SocialDeliveryHandler.Unrecognised("Meta delivery without entries (object " + object + ")");
        }
        for (JsonNode entry : root.path("entry")) {
            switch (object == null ? "" : object) {
                case "page" -> target(hook, ChannelType.FACEBOOK, "pageId", MetaSettings::pageId, text(entry, "id"))
                        .ifPresent(inbox -> facebook.entry(inbox, entry, d.receivedAt()));
                case "instagram" -> target(hook, ChannelType.INSTAGRAM, "igUserId", MetaSettings::igUserId, text(entry, "id"))
                        .ifPresent(inbox -> instagram.entry(inbox, entry, d.receivedAt()));
                case "whatsapp_business_account" -> {
                    for (JsonNode change : entry.path("changes")) {
                        if (!"messages".equals(text(change, "field"))) {
                            // Conversa subscribes to "messages" only; another field is more than it handles
                            throw new SocialDeliveryHandler.Unrecognised("WhatsApp webhook field " + text(change, "field")
                                    + " is not handled");
                        }
                        String phone = text(change.path("value").path("metadata"), "phone_number_id");
                        target(hook, ChannelType.WHATSAPP, "phoneNumberId", MetaSettings::phoneNumberId, phone)
                                .ifPresent(inbox -> whatsapp.change(inbox, change, d.receivedAt()));
                    }
                }
                default -> throw new SocialDeliveryHandler.Unrecognised("Meta delivery with an unknown object " + object);
            }
        }
    }

    /** The inbox the entry is for: the webhook's own (unless it names another account), or the workspace's inbox of that account. */
    private Optional<Inbox> target(Inbox hook, ChannelType channel, String setting, Function<MetaSettings, String> account,
                                   String accountId) {
        String own = account.apply(MetaSettings.of(hook));
        if (hook.channel() == channel && (own == null || own.equals(accountId))) {
            return Optional.of(hook);
        }
        Optional<Inbox> other = state.inboxWhere(hook.workspaceId(), channel,
                i -> accountId != null && accountId.equals(account.apply(MetaSettings.of(i))));
        if (other.isEmpty()) {
            throw new SocialDeliveryHandler.NoInbox("no " + channel + " inbox of this workspace has " + setting + " " + accountId);
        }
        return other;
    }
}
