package dev.conversa.channel.mastodon;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import java.net.URI;

/** URLs and credentials of one Mastodon inbox. */
final class MastodonApi {
    /** The Mastodon API generation used: REST v1 statuses/notifications/streaming, v2 media uploads (Mastodon 4.x). */
    static final String API_VERSION = "v1";

    private MastodonApi() {
    }

    static String instance(Inbox inbox) {
        String base = MastodonSettings.of(inbox).instanceUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    static String host(Inbox inbox) {
        return URI.create(instance(inbox)).getHost();
    }

    static String token(Inbox inbox, InboxService inboxes) {
        return inboxes.secrets(inbox.workspaceId(), inbox.id()).get("accessToken");
    }

    /** The account's address everywhere: {@code user@host}, also for accounts on the inbox's own instance. */
    static String fullAcct(Inbox inbox, String acct) {
        return acct == null ? null : acct.contains("@") ? acct : acct + "@" + host(inbox);
    }
}
