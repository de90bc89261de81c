package dev.conversa.channel.meta;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.ConnectGuide;
import dev.conversa.channel.DeliveryResult;
import dev.conversa.channel.OutboundMessage;
import dev.conversa.conversation.Attachment;
import dev.conversa.customer.IdentityKind;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Media;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * WhatsApp Cloud API messages ({@code POST /<phone number id>/messages}): text, media by link, and message
 * templates. The 24-hour window is enforced here: outside it only a template goes out, anything else fails with
 * the reason. A template is written as {@code /template <name> [<language>] [| parameter | parameter...]}.
 */
@Component
class WhatsAppAdapter implements ChannelAdapter {
    private static final ChannelCapabilities CAPABILITIES =
            new ChannelCapabilities(false, true, true, 4096, false, true, WhatsAppWindow.LENGTH);
    private final MetaGraph graph;
    private final WhatsAppWindow window;

    WhatsAppAdapter(MetaGraph graph, WhatsAppWindow window) {
        this.graph = graph;
        this.window = window;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WHATSAPP;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public IdentityKind identityKind() {
        return IdentityKind.WHATSAPP;
    }

    @Override
    public Media media() {
        return Media.CHAT;
    }

    @Override
    public Optional<ConnectGuide> connectGuide() {
        return Optional.of(new ConnectGuide("WhatsApp (Cloud API v23.0)",
                "https://developers.facebook.com/apps", "/hooks/meta/{inbox}"));
    }

    record Template(String name, String language, List<String> parameters) {
        static Template parse(String body) {
            if (body == null || !body.strip().startsWith("/template ")) {
                return null;
            }
            String[] parts = body.strip().substring("/template ".length()).split("\\|");
            String[] head = parts[0].strip().split("\\s+");
            List<String> params = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                params.add(parts[i].strip());
            }
            return new Template(head[0], head.length > 1 ? head[1] : "en_US", params);
        }
    }

    @Override
    public List<ChannelSetting> settings() {
        return MetaSettings.WHATSAPP;
    }

    @Override
    public DeliveryResult send(OutboundMessage m) {
        String to = WhatsAppWindow.digits(m.recipient().value());
        Template template = Template.parse(m.body());
        if (template == null) {
            WhatsAppWindow.Status status = window.of(m.inbox().id(), to);
            if (!status.open()) {
                return new DeliveryResult.Failed("The WhatsApp 24-hour customer service window is closed"
                        + (status.closesAt() == null ? "" : " (it closed at " + status.closesAt() + ")")
                        + ": only a message template can be sent. Write /template <name> [<language>] [| parameter...]");
            }
        }
        var throttled = graph.throttled(m.inbox());
        if (throttled.isPresent()) {
            return throttled.get();
        }
        String path = "/" + MetaSettings.of(m.inbox()).phoneNumberId() + "/messages";
        return MetaGraph.guarded(() -> {
            List<Map<String, Object>> payloads = new ArrayList<>();
            if (template != null) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", template.name());
                t.put("language", Map.of("code", template.language()));
                if (!template.parameters().isEmpty()) {
                    t.put("components", List.of(Map.of("type", "body", "parameters",
                            template.parameters().stream().map(p -> Map.of("type", "text", "text", p)).toList())));
                }
                payloads.add(message(to, "template", t));
            } else {
                List<Attachment> attachments = m.attachments() == null ? List.of() : m.attachments();
                boolean captioned = false;
                for (Attachment a : attachments) {
                    String type = a.contentType().startsWith("image/") ? "image" : a.contentType().startsWith("video/") ? "video"
                            : a.contentType().startsWith("audio/") ? "audio" : "document";
                    Map<String, Object> media = new LinkedHashMap<>();
                    media.put("link", a.url());
                    if (!captioned && !type.equals("audio") && m.body() != null && !m.body().isBlank()) {
                        media.put("caption", m.body());
                        captioned = true;
                    }
                    if (type.equals("document")) {
                        media.put("filename", a.fileName());
                    }
                    payloads.add(message(to, type, media));
                }
                if (!captioned && m.body() != null && !m.body().isBlank()) {
                    payloads.addFirst(message(to, "text", Map.of("preview_url", false, "body", m.body())));
                }
            }
            String firstId = null;
            for (Map<String, Object> payload : payloads) {
                var r = graph.post(m.inbox(), path, payload);
                DeliveryResult problem = graph.problem(m.inbox(), r);
                if (problem != null) {
                    return problem;
                }
                if (firstId == null) {
                    firstId = r.json().path("messages").path(0).path("id").asString();
                }
            }
            return firstId == null ? new DeliveryResult.Failed("nothing to send") : new DeliveryResult.Sent(firstId);
        });
    }

    private static Map<String, Object> message(String to, String type, Object content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", to);
        body.put("type", type);
        body.put(type, content);
        return body;
    }
}
