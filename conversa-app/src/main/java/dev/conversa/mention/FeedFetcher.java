package dev.conversa.mention;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Conditional GET of a feed (RFC 9110 13.1): the validators of the last 200 go back as {@code If-None-Match} and
 * {@code If-Modified-Since}, so an unchanged feed costs the site a 304 and no body. Unless private addresses are
 * allowed, a host that resolves to a loopback, private, link-local or shared address is refused before the request, and
 * so is every redirect target (redirects are followed here, at most {@value #MAX_REDIRECTS}, not by the client).
 */
@Component
class FeedFetcher {
    static final String USER_AGENT = "Conversa-Listening/0.1 (RSS/Atom reader)";
    static final int MAX_REDIRECTS = 5;
    private final HttpClient http;
    private final boolean allowPrivate;
    private final Duration timeout;
    private final long maxBytes;

    FeedFetcher(FeedProperties properties) {
        this.timeout = properties.timeout();
        this.maxBytes = properties.maxDocumentSize().toBytes();
        this.allowPrivate = properties.allowPrivateAddresses();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param body         the document when {@code status} is 200, else {@code null}
     * @param retryAfter   seconds the site asked to wait ({@code Retry-After} in seconds), if it did
     */
    record Answer(int status, byte[] body, String etag, String lastModified, OptionalLong retryAfter) {
    }

    /** @throws IOException when the site cannot be reached, or the document is larger than allowed */
    Answer fetch(String url, String etag, String lastModified) throws IOException, InterruptedException {
        URI target = URI.create(url);
        for (int hop = 0; ; hop++) {
            checkAddress(target);
            HttpResponse<InputStream> response = send(target, etag, lastModified);
            int status = response.statusCode();
            var location = response.headers().firstValue("Location");
            if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308) && location.isPresent()) {
                response.body().close();
                if (hop == MAX_REDIRECTS) {
                    throw new IOException("more than " + MAX_REDIRECTS + " redirects");
                }
                target = target.resolve(location.get().strip());
                continue;
            }
            return answer(response);
        }
    }

    /** Refuses a host that resolves to an address of the installation's own network (unless allowed). */
    private void checkAddress(URI uri) throws IOException {
        if (allowPrivate) {
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IOException("not an http(s) URL: " + uri);
        }
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            if (isPrivate(address)) {
                throw new IOException("refused: " + uri.getHost() + " is a private address (" + address.getHostAddress()
                        + "); see conversa.listening.feeds.allow-private-addresses");
            }
        }
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            return first == 0 || first == 100 && (second & 0xc0) == 64 // 0/8, shared 100.64/10 (RFC 6598)
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0; // 192.0.0/24 (RFC 6890)
        }
        return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7 (RFC 4193)
    }

    private HttpResponse<InputStream> send(URI uri, String etag, String lastModified) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private Answer answer(HttpResponse<InputStream> response) throws IOException {
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
