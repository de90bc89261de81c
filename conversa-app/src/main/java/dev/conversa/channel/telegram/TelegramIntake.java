package dev.conversa.channel.telegram;

import static dev.conversa.channel.webhook.Json.epochSeconds;
import static dev.conversa.channel.webhook.Json.number;
import static dev.conversa.channel.webhook.Json.text;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.IngestionService;
import dev.conversa.channel.webhook.MessageChanges;
import dev.conversa.channel.webhook.ReadableBodies;
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
 * A Telegram {@code Update} (https://core.telegram.org/bots/api#update): a message of any kind (private chat:
 * PRIVATE; group: PUBLIC; see {@link TelegramBodies}), an edit (the stored text becomes the new one), a business
 * message deleted, a reaction, an inline button pressed. A chat is one thread ({@code chat:<chat id>}); message ids
 * are unique per chat, so the external id is {@code <chat>:<message>}. Files are kept as {@code tg-file:<file_id>}
 * references: a download URL would contain the bot token. Updates that carry nothing for an agent are recorded;
 * an update of no documented type becomes a dead letter.
 */
@Component
class TelegramIntake implements SocialDeliveryHandler {
    static final String CHAT_THREAD = "chat:";
    private static final List<String> MESSAGES = List.of("message", "business_message", "channel_post");
    private static final List<String> EDITS = List.of("edited_message", "edited_business_message", "edited_channel_post");
    /** Documented update types with nothing for an agent to answer: recorded, not stored as messages. */
    private static final List<String> QUIET = List.of("message_reaction_count", "inline_query", "chosen_inline_result",
            "shipping_query", "pre_checkout_query", "purchased_paid_media", "poll", "poll_answer", "my_chat_member", "chat_member",
            "chat_join_request", "chat_boost", "removed_chat_boost", "business_connection");
    private final SocialState state;
    private final SocialThreads threads;
    private final IngestionService ingestion;
    private final SocialHttp http;
    private final MessageChanges changes;

    TelegramIntake(SocialState state, SocialThreads threads, IngestionService ingestion, SocialHttp http, MessageChanges changes) {
        this.state = state;
        this.threads = threads;
        this.ingestion = ingestion;
        this.http = http;
        this.changes = changes;
    }

    @Override
    public String source() {
        return TelegramWebhook.SOURCE;
    }

    @Override
    public void process(SocialDelivery d) {
        Inbox inbox = state.inbox(d.inboxId(), ChannelType.TELEGRAM)
                .orElseThrow(() -> new NoInbox("inbox " + d.inboxId() + " is disabled or no longer a Telegram inbox"));
        update(inbox, http.mapper().readTree(d.payload()), d.receivedAt());
    }

    void update(Inbox inbox, JsonNode update, java.time.Instant receivedAt) {
        long ws = inbox.workspaceId();
        for (String kind : EDITS) {
            JsonNode edited = update.path(kind);
            if (!edited.isMissingNode()) {
                String text = TelegramBodies.of(edited);
                changes.edited(ws, inbox.id(), messageId(edited), text, epochSeconds(edited, "edit_date"),
                        "The customer edited this message on Telegram: " + text, receivedAt);
                return;
            }
        }
        for (String kind : MESSAGES) {
            JsonNode m = update.path(kind);
            if (!m.isMissingNode()) {
                message(inbox, m);
                return;
            }
        }
        JsonNode deleted = update.path("deleted_business_messages");
        if (!deleted.isMissingNode()) {
            for (JsonNode id : deleted.path("message_ids")) {
                changes.deleted(ws, inbox.id(), text(deleted.path("chat"), "id") + ":" + id.asString(), null,
                        "The customer deleted this message on Telegram.", receivedAt);
            }
            return;
        }
        JsonNode reaction = update.path("message_reaction");
        if (!reaction.isMissingNode()) {
            reaction(inbox, reaction);
            return;
        }
        JsonNode callback = update.path("callback_query");
        if (!callback.isMissingNode()) {
            JsonNode chat = callback.path("message").path("chat");
            ingest(inbox, chat, callback.path("from"), "callback:" + text(callback, "id"),
                    ReadableBodies.button(text(callback, "data") != null ? text(callback, "data") : text(callback, "game_short_name")),
                    List.of(), null);
            return;
        }
        for (String kind : QUIET) {
            if (update.has(kind)) {
                changes.event(ws, inbox.id(), null, "telegram-" + kind, update.path(kind).toString(), null);
                return;
            }
        }
        List<String> fields = new ArrayList<>();
        update.propertyNames().forEach(fields::add);
        fields.remove("update_id");
        throw new Unrecognised("Telegram update of no known type: " + String.join(", ", fields));
    }

    private void message(Inbox inbox, JsonNode m) {
        JsonNode from = m.path("from");
        if (from.path("is_bot").asBoolean(false)) {
            return; // bots (ours included) are not customers
        }
        List<Attachment> attachments = new ArrayList<>();
        JsonNode photos = m.path("photo");
        if (photos.isArray() && !photos.isEmpty()) {
            JsonNode largest = photos.get(photos.size() - 1);
            Long size = number(largest, "file_size");
            attachments.add(new Attachment("photo.jpg", "image/jpeg", size == null ? 0 : size, "tg-file:" + text(largest, "file_id")));
        }
        for (String kind : List.of("document", "video", "voice", "audio", "animation", "video_note", "sticker")) {
            JsonNode f = m.path(kind);
            if (!f.isMissingNode() && text(f, "file_id") != null && !(kind.equals("video") && m.has("animation"))) {
                Long size = number(f, "file_size");
                attachments.add(new Attachment(text(f, "file_name") != null ? text(f, "file_name") : kind,
                        text(f, "mime_type") != null ? text(f, "mime_type") : kind.equals("sticker") ? "image/webp" : "application/octet-stream",
                        size == null ? 0 : size, "tg-file:" + text(f, "file_id")));
            }
        }
        // A channel post has no from: the channel itself (sender_chat) is the author.
        JsonNode author = from.isMissingNode() ? m.path("sender_chat") : from;
        ingest(inbox, m.path("chat"), author, messageId(m), TelegramBodies.of(m), attachments, m);
    }

    private void reaction(Inbox inbox, JsonNode r) {
        String reacted = text(r.path("chat"), "id") + ":" + text(r, "message_id");
        List<String> emoji = new ArrayList<>();
        r.path("new_reaction").forEach(x -> emoji.add(text(x, "emoji") != null ? text(x, "emoji") : text(x, "type")));
        JsonNode who = r.path("user").isMissingNode() ? r.path("actor_chat") : r.path("user");
        if (emoji.isEmpty()) {
            changes.event(inbox.workspaceId(), inbox.id(), reacted, "reaction-removed", text(who, "id"), epochSeconds(r, "date"));
            return;
        }
        ingest(inbox, r.path("chat"), who, "reaction:" + reacted + ":" + text(who, "id") + ":" + text(r, "date"),
                ReadableBodies.reaction(String.join("", emoji), changes.quote(inbox.workspaceId(), inbox.id(), reacted)), List.of(), r);
    }

    private void ingest(Inbox inbox, JsonNode chat, JsonNode from, String externalId, String body, List<Attachment> attachments,
                        JsonNode dated) {
        if (text(chat, "id") == null || text(from, "id") == null) {
            throw new Unrecognised("Telegram update without chat or sender");
        }
        boolean privateChat = "private".equals(text(chat, "type"));
        String first = text(from, "first_name") != null ? text(from, "first_name") : text(from, "title");
        String last = text(from, "last_name");
        String username = text(from, "username");
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        String chatKey = CHAT_THREAD + text(chat, "id");
        String thread = privateChat ? threads.privateThread(inbox.workspaceId(), inbox.id(), chatKey) : chatKey;
        ingestion.receive(inbox.workspaceId(), inbox.id(), new InboundMessage(externalId, thread,
                new NewIdentity(IdentityKind.TELEGRAM, text(from, "id"), name.isEmpty() ? null : name,
                        username == null ? null : "@" + username, null, username == null ? null : "https://t.me/" + username, null),
                privateChat ? null : text(chat, "title"), body, privateChat ? Visibility.PRIVATE : Visibility.PUBLIC, attachments,
                dated == null ? null : epochSeconds(dated, "date")));
    }

    private static String messageId(JsonNode m) {
        return text(m.path("chat"), "id") + ":" + text(m, "message_id");
    }
}
