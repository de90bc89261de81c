package dev.conversa.channel.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** Shared helpers of the social channels' integration tests: documented payloads, raw webhook posts, inbox lookups. */
public final class SocialTestKit {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SocialTestKit() {
    }

    /** A payload under {@code src/test/resources/channel/}. */
    public static String resource(String path) {
        try (InputStream in = SocialTestKit.class.getResourceAsStream("/channel/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource channel/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Hook(int status, String body) {
    }

    public static Hook post(int port, String path, String body, Map<String, String> headers) {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b.build());
    }

    public static Hook get(int port, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET().build());
    }

    private static Hook send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Hook(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static long createInbox(Api admin, String channel, String settingsJson, String secretsJson) {
        Api.Response r = admin.post("/api/v1/inboxes", """
                {"name":"%s","channel":"%s","settings":%s,"secrets":%s}""".formatted(channel, channel, settingsJson, secretsJson));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    public static List<JsonNode> conversations(Api admin, long inbox) {
        List<JsonNode> out = new ArrayList<>();
        admin.get("/api/v1/conversations?inboxId=" + inbox + "&size=100").json().get("items").forEach(out::add);
        return out;
    }

    public static List<JsonNode> messages(Api admin, long conversation) {
        List<JsonNode> out = new ArrayList<>();
        admin.get("/api/v1/conversations/" + conversation + "/messages?size=100").json().get("items").forEach(out::add);
        return out;
    }

    public static String notes(Api admin, long conversation) {
        return admin.get("/api/v1/conversations/" + conversation + "/notes").body();
    }

    public static long reply(Api admin, long conversation, String visibility, String body) {
        Api.Response r = admin.post("/api/v1/conversations/" + conversation + "/messages",
                "{\"body\":" + Api.quote(body) + ",\"visibility\":\"" + visibility + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** Waits until the message reaches one of the delivery statuses and answers it. */
    public static JsonNode awaitDelivery(Api admin, long conversation, long messageId, String... statuses) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode m = messages(admin, conversation).stream().filter(x -> x.get("id").asLong() == messageId).findFirst().orElseThrow();
            assertThat(m.get("deliveryStatus").asString()).as(m.toString()).isIn((Object[]) statuses);
            found[0] = m;
        });
        return found[0];
    }
}
