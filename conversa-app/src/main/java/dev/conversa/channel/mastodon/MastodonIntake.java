package dev.conversa.channel.mastodon;

import static dev.conversa.channel.webhook.Json.iso;
import static dev.conversa.channel.webhook.Json.number;
import static dev.conversa.channel.webhook.Json.text;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.IngestionService;
import dev.conversa.channel.webhook.SocialDelivery;
import dev.conversa.channel.webhook.SocialDeliveryHandler;
import dev.conversa.channel.webhook.SocialHttp;
import dev.conversa.channel.webhook.SocialState;
import dev.conversa.channel.webhook.SocialThreads;
import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import dev.conversa.kernel.ChannelType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Mastodon events from the stream or the notifications catch-up. A mention with {@code direct} visibility is a
 * private message (thread {@code dm:<acct>}); a public one joins the conversation of the status it replies to, or
 * starts one (thread {@code status:<id>}). Edits and deletions become notes on the conversation.
 */
@Component
class MastodonIntake implements SocialDeliveryHandler {
    static final String STATUS_THREAD = "status:";
    static final String DM_THREAD = "dm:";
    private final SocialState state;
    private final SocialThreads threads;
    private final IngestionService ingestion;
    private final SocialHttp http;

    MastodonIntake(SocialState state, SocialThreads threads, IngestionService ingestion, SocialHttp http) {
        this.state = state;
        this.threads = threads;
        this.ingestion = ingestion;
        this.http = http;
    }

    @Override
    public String source() {
        return MastodonStream.SOURCE;
    }

    @Override
    public void process(SocialDelivery d) {
        Inbox inbox = state.inbox(d.inboxId(), ChannelType.MASTODON).orElse(null);
        if (inbox == null) {
            return;
        }
        JsonNode envelope = http.mapper().readTree(d.payload());
        String event = text(envelope, "event");
        String data = text(envelope, "payload");
        long ws = inbox.workspaceId();
        switch (event == null ? "" : event) {
            case "notification" -> mention(inbox, http.mapper().readTree(data));
            case "delete" -> threads.noteOnMessage(ws, inbox.id(), data, "The author deleted this post on Mastodon (" + data + ").");
            case "status.update" -> {
                JsonNode s = http.mapper().readTree(data);
                threads.noteOnMessage(ws, inbox.id(), text(s, "id"), "The author edited this post on Mastodon: " + plain(text(s, "content")));
            }
            default -> {
            }
        }
    }

    private void mention(Inbox inbox, JsonNode n) {
        JsonNode s = n.path("status");
        JsonNode account = s.path("account").isMissingNode() ? n.path("account") : s.path("account");
        if (s.isMissingNode() || text(s, "id") == null || text(account, "id") == null
                || text(account, "id").equals(MastodonSettings.of(inbox).accountId())) {
            return;
        }
        String acct = MastodonApi.fullAcct(inbox, text(account, "acct"));
        boolean direct = "direct".equals(text(s, "visibility"));
        String thread = direct ? threads.privateThread(inbox.workspaceId(), inbox.id(), DM_THREAD + acct)
                : threads.threadOfMessage(inbox.workspaceId(), inbox.id(), text(s, "in_reply_to_id"))
                .orElse(STATUS_THREAD + (text(s, "in_reply_to_id") != null ? text(s, "in_reply_to_id") : text(s, "id")));
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode media : s.path("media_attachments")) {
            String type = text(media, "type");
            String url = text(media, "url");
            attachments.add(new Attachment(url == null ? "media" : url.substring(url.lastIndexOf('/') + 1),
                    "image".equals(type) ? "image/jpeg" : "video".equals(type) || "gifv".equals(type) ? "video/mp4"
                            : "audio".equals(type) ? "audio/mpeg" : "application/octet-stream", 0, url));
        }
        String name = text(account, "display_name");
        ingestion.receive(inbox.workspaceId(), inbox.id(), new InboundMessage(text(s, "id"), thread,
                new NewIdentity(IdentityKind.MASTODON, acct, name == null ? text(account, "username") : name, "@" + acct,
                        text(account, "avatar"), text(account, "url"), number(account, "followers_count")),
                null, plain(text(s, "content")), direct ? Visibility.PRIVATE : Visibility.PUBLIC, attachments, iso(s, "created_at")));
    }

    /** Status content is HTML; agents read plain text with its line breaks. */
    static String plain(String html) {
        if (html == null) {
            return null;
        }
        String text = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>\\s*<p>", "\n\n").replaceAll("<[^>]*>", "");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&").strip();
    }
}
