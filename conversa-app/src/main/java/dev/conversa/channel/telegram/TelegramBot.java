package dev.conversa.channel.telegram;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.webhook.SocialHttp;

/** Bot API method URLs of one inbox: {@code <base>/bot<token>/<method>}. */
final class TelegramBot {
    /** The Telegram Bot API version whose methods and fields this client uses. */
    static final String BOT_API_VERSION = "9.0";
    static final String DEFAULT_BASE = "https://api.telegram.org";

    private TelegramBot() {
    }

    static String method(Inbox inbox, InboxService inboxes, String method) {
        String base = TelegramSettings.of(inbox).apiBaseUrl();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return base + "/bot" + inboxes.secrets(inbox.workspaceId(), inbox.id()).get("botToken") + "/" + method;
    }

    static boolean ok(SocialHttp.Response r) {
        return r.ok() && r.json().path("ok").asBoolean(false);
    }
}
