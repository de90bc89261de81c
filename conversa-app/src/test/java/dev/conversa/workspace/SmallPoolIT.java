package dev.conversa.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A request never holds two pooled connections at once: otherwise as many concurrent requests as the pool has
 * connections could each wait for a second one, and the pool would stay drained. Checked with a pool of two
 * connections (Flyway needs two to start) and a burst of twenty requests.
 */
@ConversaIT
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=5000"})
class SmallPoolIT {
    @LocalServerPort
    int port;

    @Test
    void aBurstOfRequestsWithATokenWhoseLastUseIsDueIsServedByTwoConnections() throws Exception {
        Api api = new Api(port, null);
        Api admin = api.as(api.createWorkspace("Small pool").adminToken());
        String token = admin.post("/api/v1/tokens", """
                {"name":"burst","role":"AGENT"}""").json().get("token").asString();
        // Every request of the burst finds the token unverified and never used (its last use is due to be written).
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/conversations"))
                .header("Authorization", "Bearer " + token).build();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (var answer : burst) {
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(admin.get("/api/v1/tokens").json().findValues("lastUsedAt")).allMatch(v -> !v.isNull());
    }
}
