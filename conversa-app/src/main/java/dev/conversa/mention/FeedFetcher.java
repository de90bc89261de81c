package dev.conversa.mention;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Conditional GET of a feed (RFC 9110 13.1): the validators of the last 200 go back as {@code If-None-Match} and
 * {@code If-Modified-Since}, so an unchanged feed costs the site a 304 and no body.
 */
@Component
class FeedFetcher {
    static final String USER_AGENT = "Conversa-Listening/0.1 (RSS/Atom reader)";
    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;

    FeedFetcher(FeedProperties properties) {
        this.timeout = properties.timeout();
        this.maxBytes = properties.maxDocumentSize().toBytes();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * @param body         the document when {@code status} is 200, else {@code null}
     * @param retryAfter   seconds the site asked to wait ({@code Retry-After} in seconds), if it did
     */
    record Answer(int status, byte[] body, String etag, String lastModified, OptionalLong retryAfter) {
    }

    /** @throws IOException when the site cannot be reached, or the document is larger than allowed */
    Answer fetch(String url, String etag, String lastModified) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET()
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            OptionalLong retryAfter = response.headers().firstValue("Retry-After").filter(v -> v.strip().matches("[0-9]{1,9}"))
                    .map(v -> OptionalLong.of(Long.parseLong(v.strip()))).orElse(OptionalLong.empty());
            if (response.statusCode() != 200) {
                return new Answer(response.statusCode(), null, null, null, retryAfter);
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new IOException("the document is larger than " + maxBytes + " bytes");
            }
            return new Answer(200, body, response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null), retryAfter);
        }
    }
}
