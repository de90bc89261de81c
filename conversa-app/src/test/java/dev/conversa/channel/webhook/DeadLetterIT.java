package dev.conversa.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.twitter.SocialTestKit;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A delivery that fails all its retries, or has a shape nobody knows, is a dead letter: listed for admins (API and
 * console, with the raw payload and the error, another workspace's ids 404), counted, replayed once the cause is
 * fixed (and then stored once), or dismissed.
 */
@ConversaIT
class DeadLetterIT {
    static final String APP_SECRET = "dead-letter-app-secret";

    @LocalServerPort
    int port;
    @Autowired
    SocialDeliveryQueue queue;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MessageChanges changes;

    Api api;
    Api.TestWorkspace ws;
    Api admin;

    @BeforeEach
    void setUp() {
        api = new Api(port, null);
        ws = api.createWorkspace("Dead letters");
        admin = api.as(ws.adminToken());
    }

    long whatsAppInbox(String phoneNumberId) {
        return SocialTestKit.createInbox(admin, "WHATSAPP", "{\"phoneNumberId\":\"" + phoneNumberId + "\"}",
                "{\"accessToken\":\"t\",\"appSecret\":\"" + APP_SECRET + "\",\"verifyToken\":\"v\"}");
    }

    static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    double deadCount(String channel, String reason) {
        Counter c = meters.find("conversa.deliveries.dead").tag("channel", channel).tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    /** Runs the queue until the delivery stops retrying, making each retry due at once instead of waiting its backoff. */
    void exhaustRetries(long inbox) {
        for (int i = 0; i <= SocialDeliveryQueue.MAX_ATTEMPTS; i++) {
            jdbc.sql("UPDATE social_delivery SET next_attempt_at = received_at WHERE inbox_id = ? AND status = 'PENDING'")
                    .param(inbox).update();
            queue.processAll();
        }
    }

    @Test
    void aDeliveryFailingAllItsRetriesIsListedAndReplayedAfterTheFixStoredOnce() throws Exception {
        // The app's webhook reaches inbox A, but the message is for a number no inbox has yet.
        long hook = whatsAppInbox("106540352242922");
        String body = SocialTestKit.resource("types/whatsapp/location.json").replace("106540352242922", "999000999000");
        double before = deadCount("whatsapp", "no-inbox");
        assertThat(SocialTestKit.post(port, "/hooks/meta/" + hook, body, Map.of("X-Hub-Signature-256", sign(body))).status())
                .isEqualTo(200);
        queue.processAll();
        assertThat(admin.get("/api/v1/dead-letters").json().get("total").asLong()).isZero(); // still retrying

        exhaustRetries(hook);
        JsonNode list = admin.get("/api/v1/dead-letters").json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        JsonNode dead = list.get("items").get(0);
        long id = dead.get("id").asLong();
        assertThat(dead.get("inboxId").asLong()).isEqualTo(hook);
        assertThat(dead.get("reason").asString()).isEqualTo("no-inbox");
        assertThat(dead.get("attempts").asInt()).isEqualTo(SocialDeliveryQueue.MAX_ATTEMPTS);
        assertThat(dead.get("error").asString()).contains("999000999000");
        assertThat(dead.get("payload").asString()).isEqualTo(body);
        assertThat(admin.get("/api/v1/dead-letters/" + id).json().get("payload").asString()).isEqualTo(body);
        assertThat(deadCount("whatsapp", "no-inbox")).isEqualTo(before + 1);

        // another workspace sees none of it
        Api other = api.as(api.createWorkspace("Other").adminToken());
        assertThat(other.get("/api/v1/dead-letters").json().get("total").asLong()).isZero();
        assertThat(other.get("/api/v1/dead-letters/" + id).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/dead-letters/" + id + "/replay", "").status()).isEqualTo(404);
        assertThat(other.post("/api/v1/dead-letters/" + id + "/dismiss", "").status()).isEqualTo(404);

        // the console lists it on the inbox page and shows the payload
        Console console = Console.signIn(port, "admin@" + ws.slug() + ".test");
        String inboxes = console.get("/admin/inboxes");
        assertThat(inboxes).contains("id=\"dead-letter-" + id + "\"").contains("1 dead letters").contains("no inbox has this account");
        assertThat(console.get("/admin/dead-letters")).contains("id=\"dead-letter-" + id + "\"").contains("1 in all");
        String page = console.get("/admin/dead-letters/" + id);
        assertThat(page).contains("999000999000").contains("Philz Coffee");
        assertThat(console.get("/admin/dead-letters?lang=es")).contains("Entregas fallidas").contains("ninguna bandeja tiene esta cuenta");
        console.get("/admin/dead-letters?lang=en");

        // the fix: an inbox for that number; the replay (from the console) stores the message once
        long fixed = whatsAppInbox("999000999000");
        assertThat(console.post("/admin/dead-letters/" + id + "/replay", page)).contains("is back in the queue");
        queue.processAll();
        assertThat(admin.get("/api/v1/dead-letters").json().get("total").asLong()).isZero();
        JsonNode conversations = admin.get("/api/v1/conversations?inboxId=" + fixed).json();
        assertThat(conversations.get("total").asLong()).isEqualTo(1);
        JsonNode messages = admin.get("/api/v1/conversations/" + conversations.get("items").get(0).get("id").asLong() + "/messages").json();
        assertThat(messages.get("total").asLong()).isEqualTo(1);
        assertThat(messages.get("items").get(0).get("body").asString()).startsWith("📍 location: 37.44221496582, -122.16107177734");
        // replaying what is no longer a dead letter, or Meta redelivering it, stores nothing more
        assertThat(admin.post("/api/v1/dead-letters/" + id + "/replay", "").status()).isEqualTo(404);
        SocialTestKit.post(port, "/hooks/meta/" + hook, body, Map.of("X-Hub-Signature-256", sign(body)));
        queue.processAll();
        assertThat(admin.get("/api/v1/conversations/" + conversations.get("items").get(0).get("id").asLong() + "/messages").json()
                .get("total").asLong()).isEqualTo(1);
    }

    @Test
    void anUnknownShapeIsADeadLetterAtOnceAndCanBeDismissed() {
        long x = SocialTestKit.createInbox(admin, "TWITTER", "{\"userId\":\"1111222233\"}", "{\"consumerSecret\":\"x-secret\"}");
        String event = SocialTestKit.resource("types/x/activity-event.json");
        double before = deadCount("twitter", "unknown-shape");
        assertThat(SocialTestKit.post(port, "/hooks/twitter/" + x, event,
                Map.of("x-twitter-webhooks-signature", "sha256=" + Signatures.base64("x-secret", event.getBytes(StandardCharsets.UTF_8))))
                .status()).isEqualTo(200);
        queue.processAll();
        JsonNode dead = admin.get("/api/v1/dead-letters?inboxId=" + x).json().get("items").get(0);
        assertThat(dead.get("reason").asString()).isEqualTo("unknown-shape");
        assertThat(dead.get("attempts").asInt()).isEqualTo(1);
        assertThat(dead.get("error").asString()).contains("profile.update.bio");
        assertThat(deadCount("twitter", "unknown-shape")).isEqualTo(before + 1);

        // a v2 stream line is a post, not an unknown shape
        String line = SocialTestKit.resource("types/x/stream-line.json");
        SocialTestKit.post(port, "/hooks/twitter/" + x, line,
                Map.of("x-twitter-webhooks-signature", "sha256=" + Signatures.base64("x-secret", line.getBytes(StandardCharsets.UTF_8))));
        queue.processAll();
        JsonNode conversation = admin.get("/api/v1/conversations?inboxId=" + x).json().get("items").get(0);
        assertThat(admin.get("/api/v1/conversations/" + conversation.get("id").asLong() + "/messages").json().get("items").get(0)
                .get("body").asString()).isEqualTo("@AcmeSupport my parcel 8812 never arrived");

        // a like carries nothing to answer: recorded, neither a message nor a dead letter
        String like = SocialTestKit.resource("types/x/favorite-event.json");
        SocialTestKit.post(port, "/hooks/twitter/" + x, like,
                Map.of("x-twitter-webhooks-signature", "sha256=" + Signatures.base64("x-secret", like.getBytes(StandardCharsets.UTF_8))));
        queue.processAll();
        assertThat(admin.get("/api/v1/dead-letters?inboxId=" + x).json().get("total").asLong()).isEqualTo(1);
        assertThat(changes.ofExternal(ws.id(), x, "-")).extracting(MessageChange::kind).containsExactly("x-favorite_events");

        long id = dead.get("id").asLong();
        assertThat(admin.post("/api/v1/dead-letters/" + id + "/dismiss", "").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/dead-letters?inboxId=" + x).json().get("total").asLong()).isZero();
        assertThat(admin.get("/api/v1/dead-letters/" + id).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT status FROM social_delivery WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("DISMISSED");
    }

    /** A signed-in console session (form login with CSRF), enough to read pages and post their forms. */
    record Console(HttpClient browser, String base) {
        static Console signIn(int port, String email) throws Exception {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            Console c = new Console(browser, "http://localhost:" + port);
            String login = c.get("/login");
            c.send("/login", "username=" + enc(email) + "&password=correct-horse-battery&_csrf=" + enc(csrf(login)));
            return c;
        }

        String get(String path) throws Exception {
            return browser.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        /** Posts a form of {@code page} (its CSRF token) to {@code path}; answers the page it leads to. */
        String post(String path, String page) throws Exception {
            return send(path, "_csrf=" + enc(csrf(page)));
        }

        private String send(String path, String form) throws Exception {
            return browser.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        private static String csrf(String html) {
            Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"|"
                    + "name=\"csrf-token\" content=\"([^\"]+)\"").matcher(html);
            if (!m.find()) {
                throw new AssertionError("no CSRF token in " + html);
            }
            return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
