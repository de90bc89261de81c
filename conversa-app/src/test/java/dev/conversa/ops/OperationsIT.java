package dev.conversa.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health, metrics, the OpenAPI document, and the console's form login with CSRF. */
@ConversaIT
class OperationsIT {
    @LocalServerPort
    int port;

    @Test
    void healthProbesAreUp() {
        Api api = new Api(port, null);
        assertThat(api.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreExposed() {
        var r = new Api(port, null).getAny("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
        // every background worker reports its rounds and failures under its name
        for (String worker : new String[] {"outbound-dispatcher", "email-poller", "social-intake", "lease-renewal",
                "automation-webhooks", "listening-feeds", "sla-check", "event-resubmission", "telegram-poller",
                "x-mentions-poller", "mastodon-streams", "asterisk-ami", "listening-alerts", "jetstream"}) {
            assertThat(r.body()).contains("conversa_worker_rounds_total{worker=\"" + worker + "\"")
                    .contains("conversa_worker_failures_in_row{worker=\"" + worker + "\"");
        }
    }

    @Test
    void openApiListsTheApi() {
        var doc = new Api(port, null).get("/v3/api-docs").json();
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        var paths = doc.get("paths");
        assertThat(paths.has("/api/v1/customers")).isTrue();
        assertThat(paths.has("/api/v1/conversations/{id}/messages")).isTrue();
        assertThat(paths.has("/api/v1/workspaces")).isTrue();
        assertThat(paths.has("/api/v1/inboxes/{id}/messages")).isTrue();
        assertThat(new Api(port, null).getAny("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void formLoginNeedsCsrfAndThenOpensTheConsole() throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        var loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(matcher.find()).as("login form carries a CSRF token").isTrue();

        String withoutCsrf = "username=" + enc("root@conversa.test") + "&password=" + enc("root-password-123");
        var rejected = http.send(form(base + "/login", withoutCsrf), HttpResponse.BodyHandlers.ofString());
        assertThat(rejected.statusCode()).isEqualTo(403);

        var wrong = http.send(form(base + "/login", withoutCsrf.replace("123", "999") + "&_csrf=" + enc(matcher.group(1))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.headers().firstValue("Location").orElse("")).contains("/login?error");

        loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(matcher.find()).isTrue();
        var ok = http.send(form(base + "/login", withoutCsrf + "&_csrf=" + enc(matcher.group(1))), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElse("")).doesNotContain("error");
        var home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Workspaces");
    }

    @Test
    void consolePagesNeedALogin() throws Exception {
        var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
