package dev.conversa.channel.meta;

import dev.conversa.channel.DeliveryResult;
import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.webhook.RateLimits;
import dev.conversa.channel.webhook.SocialHttp;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The Graph API client shared by Facebook, Instagram and WhatsApp inboxes. Errors are read from Meta's error object:
 * code 190 is an expired or revoked token (the inbox is marked failing for admins), the throttling codes become
 * "retry later" with the provider's wait.
 */
@Component
class MetaGraph {
    /** The Graph API version this client speaks. */
    static final String GRAPH_VERSION = "v23.0";
    static final String DEFAULT_BASE = "https://graph.facebook.com";
    /** Throttling: app/user/page/IG limits, WhatsApp throughput and pair rate limits. */
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80001, 80002, 80004, 80006, 130429, 131048, 131056);

    private final SocialHttp http;
    private final InboxService inboxes;
    private final RateLimits limits;

    MetaGraph(SocialHttp http, InboxService inboxes, RateLimits limits) {
        this.http = http;
        this.inboxes = inboxes;
        this.limits = limits;
    }

    SocialHttp http() {
        return http;
    }

    static String url(Inbox inbox, String path) {
        MetaSettings settings = MetaSettings.of(inbox);
        String base = settings.apiBaseUrl();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return base + "/" + settings.graphVersion() + path;
    }

    private String token(Inbox inbox) {
        return inboxes.secrets(inbox.workspaceId(), inbox.id()).get("accessToken");
    }

    SocialHttp.Response post(Inbox inbox, String path, Object body) {
        return http.send(http.postJson(url(inbox, path), body).header("Authorization", "Bearer " + token(inbox)).build());
    }

    SocialHttp.Response get(Inbox inbox, String pathAndQuery) {
        return http.send(http.request(url(inbox, pathAndQuery)).header("Authorization", "Bearer " + token(inbox)).GET().build());
    }

    SocialHttp.Response delete(Inbox inbox, String path) {
        return http.send(http.request(url(inbox, path)).header("Authorization", "Bearer " + token(inbox))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());
    }

    static String limitKey(Inbox inbox) {
        return "meta:" + inbox.id();
    }

    /** {@code Retry later} while a previous answer said the inbox is throttled. */
    Optional<DeliveryResult> throttled(Inbox inbox) {
        return limits.blocked(limitKey(inbox)).map(wait -> new DeliveryResult.RetryLater(
                "Meta rate limit reached; retrying in " + wait.toSeconds() + "s", wait));
    }

    /** What a failed answer means for the delivery; {@code null} when the call succeeded. */
    DeliveryResult problem(Inbox inbox, SocialHttp.Response r) {
        if (r.ok()) {
            return null;
        }
        JsonNode error = r.json().path("error");
        int code = error.path("code").asInt(0);
        String message = error.path("message").asString();
        if (code == 190 || r.status() == 401) {
            String why = "Meta access token expired or was revoked: " + message;
            inboxes.reportError(inbox.workspaceId(), inbox.id(), why);
            return new DeliveryResult.Failed(why);
        }
        if (r.status() == 429 || THROTTLED.contains(code)) {
            Duration wait = limits.limited(limitKey(inbox), r, Duration.ofSeconds(60));
            return new DeliveryResult.RetryLater("Meta rate limit (code " + code + "); retrying in " + wait.toSeconds() + "s", wait);
        }
        if (r.status() >= 500 || code == 1 || code == 2) {
            return new DeliveryResult.RetryLater("Meta answered " + r.status() + ": " + message, null);
        }
        return new DeliveryResult.Failed("Meta refused the message (code " + code + "): " + message);
    }

    /** Runs a send, turning network failures into "retry later". */
    static DeliveryResult guarded(java.util.function.Supplier<DeliveryResult> send) {
        try {
            return send.get();
        } catch (UncheckedIOException e) {
            return new DeliveryResult.RetryLater("Meta unreachable: " + e.getMessage(), null);
        }
    }
}
