package dev.conversa.channel.twitter;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.webhook.RateLimits;
import dev.conversa.channel.webhook.SocialHttp;
import dev.conversa.kernel.Actor;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The X API v2 client of one inbox: OAuth 2.0 user-context bearer tokens, refreshed once on a 401 with the stored
 * refresh token (the new pair is stored encrypted); a refresh that fails means the token was revoked and is raised
 * as {@link TokenRevoked}.
 */
@Component
class TwitterApi {
    /** The X API version this client speaks. */
    static final String API_VERSION = "2";
    static final String DEFAULT_BASE = "https://api.x.com";

    private final SocialHttp http;
    private final InboxService inboxes;
    private final RateLimits limits;
    private final Map<Long, Object> refreshLocks = new ConcurrentHashMap<>();

    TwitterApi(SocialHttp http, InboxService inboxes, RateLimits limits) {
        this.http = http;
        this.inboxes = inboxes;
        this.limits = limits;
    }

    static String base(Inbox inbox) {
        String b = TwitterSettings.of(inbox).apiBaseUrl();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    static String url(Inbox inbox, String path) {
        return base(inbox) + "/" + API_VERSION + path;
    }

    SocialHttp http() {
        return http;
    }

    RateLimits limits() {
        return limits;
    }

    /** The token was revoked or expired for good: an admin must reconnect the account. */
    static final class TokenRevoked extends RuntimeException {
        TokenRevoked(String message) {
            super(message);
        }
    }

    /** Calls the API with the inbox's current access token, refreshing it once if X says it expired. */
    SocialHttp.Response call(Inbox inbox, Function<HttpRequest.Builder, HttpRequest.Builder> request, String url) {
        String token = inboxes.secrets(inbox.workspaceId(), inbox.id()).get("accessToken");
        SocialHttp.Response r = http.send(request.apply(http.request(url)).header("Authorization", "Bearer " + token).build());
        if (r.status() == 401) {
            String fresh = refresh(inbox, token);
            r = http.send(request.apply(http.request(url)).header("Authorization", "Bearer " + fresh).build());
            if (r.status() == 401) {
                throw new TokenRevoked("X rejected the refreshed access token: " + r);
            }
        }
        if (r.ok()) {
            limits.observe(limitKey(inbox, url), r);
        }
        return r;
    }

    static String limitKey(Inbox inbox, String url) {
        String path = url.replaceFirst("^https?://[^/]+", "").replaceAll("\\?.*", "").replaceAll("/\\d+", "/:id");
        return "x:" + inbox.id() + ":" + path;
    }

    private String refresh(Inbox inbox, String rejected) {
        synchronized (refreshLocks.computeIfAbsent(inbox.id(), k -> new Object())) {
            Map<String, String> secrets = inboxes.secrets(inbox.workspaceId(), inbox.id());
            if (secrets.get("accessToken") != null && !secrets.get("accessToken").equals(rejected)) {
                return secrets.get("accessToken"); // another thread refreshed meanwhile
            }
            String refreshToken = secrets.get("refreshToken");
            String clientId = secrets.get("clientId");
            if (refreshToken == null || clientId == null) {
                throw new TokenRevoked("X access token expired and no refresh token/client id is stored");
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refreshToken);
            form.put("client_id", clientId);
            HttpRequest.Builder req = http.postForm(url(inbox, "/oauth2/token"), form);
            if (secrets.get("clientSecret") != null) {
                req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secrets.get("clientSecret")).getBytes(StandardCharsets.UTF_8)));
            }
            SocialHttp.Response r = http.send(req.build());
            if (!r.ok()) {
                throw new TokenRevoked("X refused to refresh the access token: " + r);
            }
            JsonNode json = r.json();
            Map<String, String> update = new LinkedHashMap<>();
            update.put("accessToken", json.path("access_token").asString());
            if (json.hasNonNull("refresh_token")) {
                update.put("refreshToken", json.path("refresh_token").asString());
            }
            inboxes.update(inbox.id(), null, null, update, null, Actor.system(inbox.workspaceId()));
            return update.get("accessToken");
        }
    }
}
