package dev.conversa.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Verified tokens are remembered for a moment: what that may and may not delay. */
@ConversaIT
class TokenVerificationIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenRevokedWhereNoSignalReachesThisNodeStopsWorkingWithinTheRememberedTime() {
        Api api = new Api(port, null);
        Api admin = api.as(api.createWorkspace("Remembered").adminToken());
        var issued = admin.post("/api/v1/tokens", """
                {"name":"integration","role":"AGENT"}""").json();
        Api integration = api.as(issued.get("token").asString());
        assertThat(integration.get("/api/v1/conversations").status()).isEqualTo(200);

        // The row changes behind this node's back (a node whose signal was lost): only the 2 s expiry helps.
        jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now()), issued.get("id").asLong()).update();
        await().atMost(Duration.ofSeconds(2 + 2)).pollInterval(Duration.ofMillis(100))
                .until(() -> integration.get("/api/v1/conversations").status() == 401);
    }

    @Test
    void aTokenRevokingItselfStopsAtOnce() {
        Api api = new Api(port, null);
        Api.TestWorkspace ws = api.createWorkspace("Deactivated");
        Api admin = api.as(ws.adminToken());
        assertThat(admin.get("/api/v1/conversations").status()).isEqualTo(200);

        // (the token revokes itself: a change made through a token that is remembered right now)
        long own = admin.get("/api/v1/tokens").json().get(0).get("id").asLong();
        assertThat(admin.send("DELETE", "/api/v1/tokens/" + own, null, "application/json").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/conversations").status()).isEqualTo(401);
    }

    @Test
    void anUnknownTokenIsRefusedEveryTime() {
        Api stranger = new Api(port, "cnv_not-a-token");
        assertThat(stranger.get("/api/v1/conversations").status()).isEqualTo(401);
        assertThat(stranger.get("/api/v1/conversations").status()).isEqualTo(401);
    }
}
