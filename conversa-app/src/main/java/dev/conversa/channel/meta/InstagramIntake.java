package dev.conversa.channel.meta;

import static dev.conversa.channel.webhook.Json.iso;
import static dev.conversa.channel.webhook.Json.text;

import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.Inbox;
import dev.conversa.channel.IngestionService;
import dev.conversa.channel.webhook.SocialDeliveryHandler;
import dev.conversa.channel.webhook.SocialHttp;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * An Instagram account's webhook entry: {@code comments} on the brand's media, {@code mentions} of the brand in
 * others' comments (the text is fetched, the webhook carries only ids) and DMs. Comments on one media item are one
 * conversation (thread {@code media:<media id>}).
 */
@Component
class InstagramIntake {
    static final String MEDIA_THREAD = "media:";
    private final IngestionService ingestion;
    private final MessagingIntake messaging;
    private final MetaGraph graph;

    InstagramIntake(IngestionService ingestion, MessagingIntake messaging, MetaGraph graph) {
        this.ingestion = ingestion;
        this.messaging = messaging;
        this.graph = graph;
    }

    void entry(Inbox inbox, JsonNode entry, Instant receivedAt) {
        String igUserId = Objects.requireNonNullElse(MetaSettings.of(inbox).igUserId(), text(entry, "id"));
        for (JsonNode e : entry.path("messaging")) {
            messaging.event(inbox, e, IdentityKind.INSTAGRAM, igUserId, receivedAt);
        }
        for (JsonNode change : entry.path("changes")) {
            String field = text(change, "field");
            JsonNode v = change.path("value");
            if ("comments".equals(field) || "live_comments".equals(field)) {
                comment(inbox, igUserId, v);
            } else if ("mentions".equals(field)) {
                mention(inbox, igUserId, v);
            } else {
                throw new SocialDeliveryHandler.Unrecognised("Instagram webhook field " + field + " is not handled");
            }
        }
        if (entry.path("messaging").isEmpty() && entry.path("changes").isEmpty()) {
            throw new SocialDeliveryHandler.Unrecognised("Instagram entry with neither messaging nor changes");
        }
    }

    private void comment(Inbox inbox, String igUserId, JsonNode v) {
        JsonNode from = v.path("from");
        String authorId = text(from, "id");
        String mediaId = text(v.path("media"), "id");
        if (authorId != null && authorId.equals(igUserId)) {
            return; // our own replies
        }
        if (authorId == null || text(v, "id") == null || mediaId == null) {
            throw new SocialDeliveryHandler.Unrecognised("Instagram comment without author, id or media");
        }
        ingestion.receive(inbox.workspaceId(), inbox.id(), new InboundMessage(text(v, "id"), MEDIA_THREAD + mediaId,
                identity(authorId, text(from, "username")), null, text(v, "text"), Visibility.PUBLIC, List.of(), null));
    }

    /** A mention in a comment: the webhook has ids only, the comment is read with the Graph API. */
    private void mention(Inbox inbox, String igUserId, JsonNode v) {
        String commentId = text(v, "comment_id");
        String mediaId = text(v, "media_id");
        if (commentId == null || mediaId == null) {
            return; // caption mentions carry no comment to answer
        }
        var r = graph.get(inbox, "/" + igUserId + "?fields=" + SocialHttp.enc("mentioned_comment.comment_id(" + commentId
                + "){id,text,username,timestamp,from,media{id}}"));
        if (!r.ok()) {
            throw new SocialDeliveryHandler.ProcessLater("cannot read mentioned comment " + commentId + ": " + r);
        }
        JsonNode c = r.json().path("mentioned_comment");
        String username = text(c, "username") != null ? text(c, "username") : text(c.path("from"), "username");
        String authorId = text(c.path("from"), "id") != null ? text(c.path("from"), "id") : username;
        ingestion.receive(inbox.workspaceId(), inbox.id(), new InboundMessage(commentId, MEDIA_THREAD + mediaId,
                identity(authorId, username), null, text(c, "text"), Visibility.PUBLIC, List.of(), iso(c, "timestamp")));
    }

    private static NewIdentity identity(String id, String username) {
        return new NewIdentity(IdentityKind.INSTAGRAM, id, username, username == null ? null : "@" + username, null,
                username == null ? null : "https://www.instagram.com/" + username, null);
    }
}
