package dev.conversa.channel.webchat;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.IngestResult;
import dev.conversa.channel.IngestionService;
import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationFilter;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.Direction;
import dev.conversa.conversation.Message;
import dev.conversa.conversation.MessageService;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.ForbiddenException;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Paging;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The public endpoints of the website widget ({@code /widget/api/{inboxId}/...}), called from the company's own
 * site (any origin): the visitor proves who they are with the token the session call gave them. A site that knows
 * its user signs the user's id with the inbox secret {@code identitySecret} (hex HMAC-SHA256), and the visitor
 * becomes that user on every device.
 */
@RestController
@CrossOrigin(origins = "*", maxAge = 3600)
class WebchatApi {
    private final InboxService inboxes;
    private final IngestionService ingestion;
    private final ConversationService conversations;
    private final MessageService messages;
    private final WebchatVisitors visitors;
    private final WebchatHub hub;

    WebchatApi(InboxService inboxes, IngestionService ingestion, ConversationService conversations, MessageService messages,
               WebchatVisitors visitors, WebchatHub hub) {
        this.inboxes = inboxes;
        this.ingestion = ingestion;
        this.conversations = conversations;
        this.messages = messages;
        this.visitors = visitors;
        this.hub = hub;
    }

    record SessionInput(String token, String name, String email, String userId, String userHash, String locale) {
    }

    record WidgetMessage(long id, String direction, String body, Instant at) {
    }

    record SessionView(String token, Map<String, String> config, boolean needsPrechat, List<WidgetMessage> messages) {
    }

    @PostMapping("/widget/api/{inboxId}/session")
    SessionView session(@PathVariable long inboxId, @RequestBody SessionInput in) {
        Inbox inbox = inbox(inboxId);
        String userId = blank(in.userId()) ? null : in.userId().strip();
        if (userId != null) {
            String secret = inboxes.secrets(inbox.workspaceId(), inbox.id()).get("identitySecret");
            if (secret == null || in.userHash() == null || !MessageDigest.isEqual(hmac(secret, userId).getBytes(
                    StandardCharsets.UTF_8), in.userHash().strip().toLowerCase().getBytes(StandardCharsets.UTF_8))) {
                throw new ForbiddenException("the user's identity could not be verified");
            }
        }
        var existing = visitors.byToken(inboxId, in.token())
                .filter(v -> userId == null || userId.equals(v.externalUserId()));
        String token = in.token();
        WebchatVisitors.Visitor v;
        if (existing.isPresent()) {
            v = existing.get();
            visitors.update(v.id(), clean(in.name(), 200), clean(in.email(), 320), null);
            v = visitors.find(v.id()).orElseThrow();
        } else {
            var created = visitors.create(inbox.workspaceId(), inboxId, clean(in.name(), 200), clean(in.email(), 320), userId,
                    clean(in.locale(), 16));
            v = created.visitor();
            token = created.token();
        }
        WebchatSettings s = WebchatSettings.of(inbox);
        Map<String, String> config = Map.of("title", s.title(), "color", s.color(), "position", s.position(),
                "locale", s.locale() == null ? "" : s.locale(), "greeting", s.greeting() == null ? "" : s.greeting());
        boolean needsPrechat = v.name() == null && userId == null && s.prechatForm();
        return new SessionView(token, config, needsPrechat, transcript(inbox, v, 0));
    }

    record SendInput(String token, String clientId, String body) {
    }

    @PostMapping("/widget/api/{inboxId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    WidgetMessage send(@PathVariable long inboxId, @RequestBody SendInput in) {
        Inbox inbox = inbox(inboxId);
        WebchatVisitors.Visitor v = visitor(inboxId, in.token());
        if (blank(in.body())) {
            throw new InvalidInputException("body", "a message needs some text");
        }
        if (in.body().length() > WebchatAdapter.CAPABILITIES.maxLength()) {
            throw new InvalidInputException("body", "a chat message has at most 5000 characters");
        }
        String identity = v.externalUserId() != null ? "user:" + v.externalUserId() : "visitor:" + v.id();
        String clientId = blank(in.clientId()) ? java.util.UUID.randomUUID().toString() : clean(in.clientId(), 100);
        IngestResult r = ingestion.receive(inbox.workspaceId(), inboxId, new InboundMessage("web:" + v.id() + ":" + clientId,
                null, new NewIdentity(IdentityKind.WEBCHAT, identity, v.name(), v.email(), null, null, null), null,
                in.body().strip(), Visibility.PRIVATE, List.of(), Instant.now()));
        if (v.customerId() == null) {
            visitors.update(v.id(), null, null, r.customerId());
            visitors.linkPageViews(v.id(), r.customerId());
        }
        Message m = messages.find(inbox.workspaceId(), r.messageId()).orElseThrow();
        return new WidgetMessage(m.id(), "in", m.body(), m.createdAt());
    }

    @GetMapping("/widget/api/{inboxId}/messages")
    List<WidgetMessage> messages(@PathVariable long inboxId, @RequestParam String token,
                                 @RequestParam(defaultValue = "0") long after) {
        Inbox inbox = inbox(inboxId);
        return transcript(inbox, visitor(inboxId, token), after);
    }

    @GetMapping(path = "/widget/api/{inboxId}/stream", produces = "text/event-stream")
    SseEmitter stream(@PathVariable long inboxId, @RequestParam String token) {
        return hub.subscribe(visitor(inboxId, token).id());
    }

    record PageViewInput(String token, String url, String title) {
    }

    @PostMapping("/widget/api/{inboxId}/pageviews")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void pageView(@PathVariable long inboxId, @RequestBody PageViewInput in) {
        if (blank(in.url())) {
            throw new InvalidInputException("url", "the page's URL is required");
        }
        visitors.pageView(visitor(inboxId, in.token()), in.url(), in.title());
    }

    /** The visitor's latest conversation on this inbox, without internal notes (they are not messages). */
    private List<WidgetMessage> transcript(Inbox inbox, WebchatVisitors.Visitor v, long after) {
        if (v.customerId() == null) {
            return List.of();
        }
        Actor system = Actor.system(inbox.workspaceId());
        var filter = new ConversationFilter(null, inbox.id(), ChannelType.WEBCHAT, null, false, null, v.customerId(), null,
                null, ConversationFilter.Sort.NEWEST);
        List<Conversation> latest = conversations.list(filter, Paging.of(0, 1), system).items();
        if (latest.isEmpty()) {
            return List.of();
        }
        List<WidgetMessage> out = new ArrayList<>();
        for (Message m : messages.list(latest.getFirst().id(), Paging.of(0, Paging.MAX_SIZE), system).items()) {
            if (m.id() > after) {
                out.add(new WidgetMessage(m.id(), m.direction() == Direction.IN ? "in" : "out", m.body(), m.createdAt()));
            }
        }
        return out;
    }

    private Inbox inbox(long inboxId) {
        return inboxes.allOfChannel(ChannelType.WEBCHAT).stream().filter(i -> i.id() == inboxId).findFirst()
                .orElseThrow(() -> new NotFoundException("inbox", inboxId));
    }

    private WebchatVisitors.Visitor visitor(long inboxId, String token) {
        return visitors.byToken(inboxId, token).orElseThrow(() -> new ForbiddenException("unknown visitor token"));
    }

    static String hmac(String secret, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clean(String s, int max) {
        return blank(s) ? null : s.strip().substring(0, Math.min(max, s.strip().length()));
    }
}
