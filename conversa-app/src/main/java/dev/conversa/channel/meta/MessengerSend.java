package dev.conversa.channel.meta;

import dev.conversa.channel.DeliveryResult;
import dev.conversa.channel.OutboundMessage;
import dev.conversa.channel.webhook.SocialThreads;
import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.Visibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Private replies through the Messenger platform (Facebook Messenger and Instagram DMs): to the DM thread of the
 * conversation, to the DM thread an agent moved it to before, or, the first time, as a private reply to the
 * customer's public comment ({@code recipient.comment_id}). The user id Meta answers with links the DM thread to
 * the conversation, so the customer's answer lands in the same case.
 */
@Component
class MessengerSend {
    private final MetaGraph graph;
    private final SocialThreads threads;

    MessengerSend(MetaGraph graph, SocialThreads threads) {
        this.graph = graph;
        this.threads = threads;
    }

    DeliveryResult send(OutboundMessage m, String accountId) {
        long inboxId = m.inbox().id();
        Map<String, String> recipient;
        String thread = m.threadKey() == null ? "" : m.threadKey();
        Optional<String> linked = threads.linkedPrivateThread(inboxId, m.conversationId());
        if (thread.startsWith(MessagingIntake.DM_THREAD)) {
            recipient = Map.of("id", thread.substring(MessagingIntake.DM_THREAD.length()));
        } else if (linked.isPresent()) {
            recipient = Map.of("id", linked.get().substring(MessagingIntake.DM_THREAD.length()));
        } else if (m.replyToExternalId() != null
                && threads.visibilityOf(m.workspaceId(), inboxId, m.replyToExternalId()).orElse(Visibility.PRIVATE) == Visibility.PUBLIC) {
            recipient = Map.of("comment_id", m.replyToExternalId());
        } else {
            recipient = Map.of("id", m.recipient().value());
        }
        List<Map<String, Object>> parts = new ArrayList<>();
        if (m.body() != null && !m.body().isBlank()) {
            parts.add(Map.of("text", m.body()));
        }
        for (Attachment a : m.attachments() == null ? List.<Attachment>of() : m.attachments()) {
            String type = a.contentType().startsWith("image/") ? "image" : a.contentType().startsWith("video/") ? "video"
                    : a.contentType().startsWith("audio/") ? "audio" : "file";
            parts.add(Map.of("attachment", Map.of("type", type, "payload", Map.of("url", a.url(), "is_reusable", true))));
        }
        String firstId = null;
        for (Map<String, Object> part : parts) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("recipient", recipient);
            body.put("messaging_type", "RESPONSE");
            body.put("message", part);
            var r = graph.post(m.inbox(), "/" + accountId + "/messages", body);
            DeliveryResult problem = graph.problem(m.inbox(), r);
            if (problem != null) {
                return problem;
            }
            var json = r.json();
            String userId = json.path("recipient_id").asString();
            if (userId != null && !userId.isEmpty()) {
                // After a private reply to a comment, later parts go to the person directly.
                recipient = Map.of("id", userId);
                threads.linkPrivateThread(m.workspaceId(), inboxId, MessagingIntake.DM_THREAD + userId, m.conversationId());
            }
            if (firstId == null) {
                firstId = json.path("message_id").asString();
            }
        }
        return firstId == null ? new DeliveryResult.Failed("nothing to send") : new DeliveryResult.Sent(firstId);
    }
}
