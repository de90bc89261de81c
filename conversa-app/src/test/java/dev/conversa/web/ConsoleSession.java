package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A signed-in console session over plain HTTP: what htmx does, with the session cookie and the CSRF token. */
final class ConsoleSession {
    private final HttpClient http;
    private final String base;
    private String csrf;

    record Page(int status, String body) {
    }

    private ConsoleSession(int port, String acceptLanguage) {
        this(HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build(),
                port, acceptLanguage);
    }

    private ConsoleSession(HttpClient http, int port, String acceptLanguage) {
        this.http = http;
        this.base = "http://localhost:" + port;
        this.acceptLanguage = acceptLanguage;
    }

    /** The same browser (cookies, CSRF token) talking to another node, as behind a proxy without sticky sessions. */
    ConsoleSession onPort(int port) {
        var other = new ConsoleSession(http, port, acceptLanguage);
        other.csrf = csrf;
        return other;
    }

    private final String acceptLanguage;

    static ConsoleSession login(int port, String email) {
        return login(port, email, "en");
    }

    static ConsoleSession login(int port, String email, String acceptLanguage) {
        return login(port, email, ConsoleFixture.PASSWORD, acceptLanguage);
    }

    /** Nobody signed in: a session with the login page's CSRF token, for the pages that need no sign-in. */
    static ConsoleSession anonymous(int port) {
        var s = new ConsoleSession(port, "en");
        s.csrf = token(s.get("/login").body(), "name=\"_csrf\" value=\"([^\"]+)\"");
        return s;
    }

    static ConsoleSession login(int port, String email, String password, String acceptLanguage) {
        var s = new ConsoleSession(port, acceptLanguage);
        String page = s.get("/login").body();
        String form = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(token(page, "name=\"_csrf\" value=\"([^\"]+)\""));
        var r = s.send(HttpRequest.newBuilder(URI.create(s.base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        s.csrf = token(s.get("/inbox").body(), "name=\"csrf-token\" content=\"([^\"]+)\"");
        return s;
    }

    Page get(String path) {
        var r = send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET());
        return new Page(r.statusCode(), r.body());
    }

    /** A form POST as htmx sends it; {@code fields} are name, value, name, value... (names may repeat). */
    Page post(String path, String... fields) {
        var body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
        }
        var r = send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        return new Page(r.statusCode(), r.body());
    }

    /** The live stream, read in the background; {@link Live#await} waits for a text to arrive. */
    Live live() {
        try {
            InputStream in = http.send(HttpRequest.newBuilder(URI.create(base + "/live")).header("Accept", "text/event-stream")
                    .header("Accept-Language", acceptLanguage).GET().build(), HttpResponse.BodyHandlers.ofInputStream()).body();
            return new Live(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final class Live implements AutoCloseable {
        private final InputStream in;
        private final StringBuffer seen = new StringBuffer();

        Live(InputStream in) {
            this.in = in;
            Thread.ofVirtual().start(() -> {
                byte[] buf = new byte[4096];
                try {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException ignored) {
                    // closed
                }
            });
        }

        /** Waits until {@code text} has arrived; answers everything read so far. */
        String await(String text, int seconds) {
            long until = System.nanoTime() + seconds * 1_000_000_000L;
            while (seen.indexOf(text) < 0 && System.nanoTime() < until) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            assertThat(seen.toString()).as("live stream").contains(text);
            return seen.toString();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.header("Accept-Language", acceptLanguage).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String token(String page, String regex) {
        var m = Pattern.compile(regex).matcher(page);
        assertThat(m.find()).as("token " + regex).isTrue();
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
