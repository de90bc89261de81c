package dev.conversa.channel.telegram;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.ConnectGuide;
import dev.conversa.channel.DeliveryResult;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.OutboundMessage;
import dev.conversa.channel.webhook.RateLimits;
import dev.conversa.channel.webhook.SocialHttp;
import dev.conversa.channel.webhook.SocialThreads;
import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Media;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Replies through the Telegram Bot API. PUBLIC answers in the chat of the thread (a group), as a reply to the
 * customer's message; PRIVATE goes to the person's private chat with the bot (which they must have started) and
 * links that chat to the conversation. Telegram reports no delivery or read receipts: SENT is the last status.
 */
@Component
class TelegramAdapter implements ChannelAdapter {
    private static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(true, true, true, 4096, true, false, null);
    private final SocialHttp http;
    private final InboxService inboxes;
    private final RateLimits limits;
    private final SocialThreads threads;

    TelegramAdapter(SocialHttp http, InboxService inboxes, RateLimits limits, SocialThreads threads) {
        this.http = http;
        this.inboxes = inboxes;
        this.limits = limits;
        this.threads = threads;
    }

    @Override
    public ChannelType type() {
        return ChannelType.TELEGRAM;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public IdentityKind identityKind() {
        return IdentityKind.TELEGRAM;
    }

    @Override
    public Media media() {
        return Media.CHAT;
    }

    @Override
    public Set<String> listeningSources() {
        return Set.of("telegram");
    }

    @Override
    public Optional<ConnectGuide> connectGuide() {
        return Optional.of(new ConnectGuide("Telegram (Bot API)", "https://t.me/BotFather", "/hooks/telegram/{inbox}"));
    }

    @Override
    public List<ChannelSetting> settings() {
        return TelegramSettings.SPEC;
    }

    @Override
    public DeliveryResult send(OutboundMessage m) {
        String key = "telegram:" + m.inbox().id();
        var blocked = limits.blocked(key);
        if (blocked.isPresent()) {
            return new DeliveryResult.RetryLater("Telegram flood limit; retrying in " + blocked.get().toSeconds() + "s", blocked.get());
        }
        String thread = m.threadKey() == null ? "" : m.threadKey();
        String threadChat = thread.startsWith(TelegramIntake.CHAT_THREAD) ? thread.substring(TelegramIntake.CHAT_THREAD.length()) : null;
        boolean groupThread = threadChat != null && threadChat.startsWith("-");
        String chatId = m.visibility() == Visibility.PRIVATE && (groupThread || threadChat == null) ? m.recipient().value() : threadChat;
        Integer replyTo = null;
        if (m.replyToExternalId() != null && m.replyToExternalId().startsWith(chatId + ":")) {
            replyTo = Integer.valueOf(m.replyToExternalId().substring(chatId.length() + 1));
        }
        try {
            String firstId = null;
            List<Attachment> attachments = m.attachments() == null ? List.of() : m.attachments();
            if (m.body() != null && !m.body().isBlank()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("chat_id", chatId);
                body.put("text", m.body());
                if (replyTo != null) {
                    body.put("reply_parameters", Map.of("message_id", replyTo, "allow_sending_without_reply", true));
                }
                DeliveryResult r = call(m, key, "sendMessage", body);
                if (!(r instanceof DeliveryResult.Sent sent)) {
                    return r;
                }
                firstId = sent.externalId();
            }
            for (Attachment a : attachments) {
                boolean photo = a.contentType().startsWith("image/") && !a.contentType().equals("image/gif");
                DeliveryResult r = call(m, key, photo ? "sendPhoto" : "sendDocument",
                        Map.of("chat_id", chatId, photo ? "photo" : "document", a.url()));
                if (!(r instanceof DeliveryResult.Sent sent)) {
                    return r;
                }
                firstId = firstId == null ? sent.externalId() : firstId;
            }
            if (m.visibility() == Visibility.PRIVATE && !chatId.equals(threadChat)) {
                threads.linkPrivateThread(m.workspaceId(), m.inbox().id(), TelegramIntake.CHAT_THREAD + chatId, m.conversationId());
            }
            return firstId == null ? new DeliveryResult.Failed("nothing to send") : new DeliveryResult.Sent(firstId);
        } catch (UncheckedIOException e) {
            return new DeliveryResult.RetryLater("Telegram unreachable: " + e.getMessage(), null);
        }
    }

    private DeliveryResult call(OutboundMessage m, String key, String method, Map<String, Object> body) {
        SocialHttp.Response r = http.send(http.postJson(TelegramBot.method(m.inbox(), inboxes, method), body).build());
        JsonNode json = r.json();
        if (TelegramBot.ok(r)) {
            JsonNode result = json.path("result");
            return new DeliveryResult.Sent(result.path("chat").path("id").asString() + ":" + result.path("message_id").asString());
        }
        String description = json.path("description").asString();
        if (r.status() == 429) {
            long retryAfter = json.path("parameters").path("retry_after").asLong(0);
            Duration wait = retryAfter > 0 ? Duration.ofSeconds(retryAfter) : RateLimits.waitFor(r, Duration.ofSeconds(30));
            limits.block(key, wait);
            return new DeliveryResult.RetryLater("Telegram flood limit (429): " + description, wait);
        }
        if (r.status() == 401 || r.status() == 404) {
            String why = "Telegram rejected the bot token: " + description;
            inboxes.reportError(m.workspaceId(), m.inbox().id(), why);
            return new DeliveryResult.Failed(why);
        }
        if (r.status() >= 500) {
            return new DeliveryResult.RetryLater("Telegram answered " + r.status(), null);
        }
        return new DeliveryResult.Failed("Telegram refused the message: " + description);
    }
}
