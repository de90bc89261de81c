package dev.conversa.channel.telegram;

import static dev.conversa.channel.webhook.Json.epochSeconds;
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
 * A Telegram {@code Update}: a message (private chat: PRIVATE; group: PUBLIC) or an edited message. A chat is one
 * thread ({@code chat:<chat id>}); message ids are unique per chat, so the external id is {@code <chat>:<message>}.
 * Files are kept as {@code tg-file:<file_id>} references: a download URL would contain the bot token.
 */
@Component
class TelegramIntake implements SocialDeliveryHandler {
    static final String CHAT_THREAD = "chat:";
    private final SocialState state;
    private final SocialThreads threads;
    private final IngestionService ingestion;
    private final SocialHttp http;

    TelegramIntake(SocialState state, SocialThreads threads, IngestionService ingestion, SocialHttp http) {
        this.state = state;
        this.threads = threads;
        this.ingestion = ingestion;
        this.http = http;
    }

    @Override
    public String source() {
        return TelegramWebhook.SOURCE;
    }

    @Override
    public void process(SocialDelivery d) {
        Inbox inbox = state.inbox(d.inboxId(), ChannelType.TELEGRAM).orElse(null);
        if (inbox != null) {
            update(inbox, http.mapper().readTree(d.payload()));
        }
    }

    void update(Inbox inbox, JsonNode update) {
        JsonNode edited = update.path("edited_message");
        if (!edited.isMissingNode()) {
            String id = text(edited.path("chat"), "id") + ":" + text(edited, "message_id");
            String text = text(edited, "text") != null ? text(edited, "text") : text(edited, "caption");
            threads.noteOnMessage(inbox.workspaceId(), inbox.id(), id, "The customer edited this message on Telegram: " + text);
            return;
        }
        JsonNode m = update.path("message");
        JsonNode from = m.path("from");
        if (m.isMissingNode() || from.path("is_bot").asBoolean(false)) {
            return;
        }
        JsonNode chat = m.path("chat");
        boolean privateChat = "private".equals(text(chat, "type"));
        List<Attachment> attachments = new ArrayList<>();
        JsonNode photos = m.path("photo");
        if (photos.isArray() && !photos.isEmpty()) {
            JsonNode largest = photos.get(photos.size() - 1);
            Long size = number(largest, "file_size");
            attachments.add(new Attachment("photo.jpg", "image/jpeg", size == null ? 0 : size, "tg-file:" + text(largest, "file_id")));
        }
        for (String kind : List.of("document", "video", "voice", "audio")) {
            JsonNode f = m.path(kind);
            if (!f.isMissingNode()) {
                Long size = number(f, "file_size");
                attachments.add(new Attachment(text(f, "file_name") != null ? text(f, "file_name") : kind,
                        text(f, "mime_type") != null ? text(f, "mime_type") : "application/octet-stream", size == null ? 0 : size,
                        "tg-file:" + text(f, "file_id")));
            }
        }
        String first = text(from, "first_name");
        String last = text(from, "last_name");
        String username = text(from, "username");
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        String chatKey = CHAT_THREAD + text(chat, "id");
        String thread = privateChat ? threads.privateThread(inbox.workspaceId(), inbox.id(), chatKey) : chatKey;
        ingestion.receive(inbox.workspaceId(), inbox.id(), new InboundMessage(text(chat, "id") + ":" + text(m, "message_id"), thread,
                new NewIdentity(IdentityKind.TELEGRAM, text(from, "id"), name.isEmpty() ? null : name,
                        username == null ? null : "@" + username, null, username == null ? null : "https://t.me/" + username, null),
                privateChat ? null : text(chat, "title"), text(m, "text") != null ? text(m, "text") : text(m, "caption"),
                privateChat ? Visibility.PRIVATE : Visibility.PUBLIC, attachments, epochSeconds(m, "date")));
    }
}
