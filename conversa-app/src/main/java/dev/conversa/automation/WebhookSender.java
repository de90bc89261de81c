package dev.conversa.automation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Makes one signed attempt to deliver a webhook and says how the receiver answered; never throws. */
@Component
class WebhookSender implements AutoCloseable {
    /** Enough of a receiver's error page to say what went wrong. */
    private static final int ANSWER_EXCERPT = 300;

    /** The receiver's answer to one attempt; {@code statusCode} is {@code null} when there was none. */
    record Answer(Integer statusCode, long latencyMs, Duration retryAfter, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    WebhookSender(WebhookProperties properties) {
        this.timeout = properties.timeout();
        // Redirects are not followed: a signed body is for the URL the admin configured, not wherever it points.
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Answer send(WebhookQueue.Claimed w, String secret) {
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(w.url())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Conversa-Webhooks/1")
                    .header("X-Conversa-Event", w.event().name())
                    .header("X-Conversa-Delivery", w.deliveryId())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(secret, Instant.now().getEpochSecond(), w.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(w.payload(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String start = readStart(response.body());
            long latency = millisSince(started);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Answer(status, latency, null, null);
            }
            Duration retryAfter = WebhookBackoff.retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
            return new Answer(status, latency, retryAfter, "HTTP " + status + (start.isBlank() ? "" : ": " + start.strip()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, millisSince(started), null, "interrupted while sending (the node is stopping)");
        } catch (IOException | RuntimeException e) {
            return new Answer(null, millisSince(started), null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static String readStart(InputStream body) throws IOException {
        try (body) {
            return new String(body.readNBytes(ANSWER_EXCERPT), StandardCharsets.UTF_8);
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    @Override
    public void close() {
        http.close();
    }
}
