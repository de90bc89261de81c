package dev.conversa.automation;

import dev.conversa.channel.SecretBox;
import dev.conversa.kernel.Sql;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each workspace's webhook signing secret, sealed at rest with AES-GCM ({@link SecretBox}, the key that seals inbox
 * secrets). Created on first use, so every webhook is signed even before an admin looked at the secret.
 */
@Component
class WebhookSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SecretBox box;

    WebhookSecrets(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    WebhookSecret current(long ws) {
        return stored(ws).orElseGet(() -> {
            try {
                return insert(ws, fresh(), Instant.now());
            } catch (DuplicateKeyException createdMeanwhile) {
                return stored(ws).orElseThrow();
            }
        });
    }

    /** Replaces the secret: webhooks sent from now on, retries included, are signed with the new one. */
    WebhookSecret rotate(long ws) {
        String secret = fresh();
        Instant now = Instant.now();
        int updated = jdbc.sql("UPDATE automation_webhook_secret SET sealed_secret = ?, created_at = ? WHERE workspace_id = ?")
                .params(box.encrypt(secret), Sql.ts(now), ws).update();
        return updated == 1 ? new WebhookSecret(secret, now) : insert(ws, secret, now);
    }

    private Optional<WebhookSecret> stored(long ws) {
        return jdbc.sql("SELECT sealed_secret, created_at FROM automation_webhook_secret WHERE workspace_id = ?").param(ws)
                .query((rs, n) -> new WebhookSecret(box.decrypt(rs.getString("sealed_secret")), Sql.instant(rs, "created_at")))
                .optional();
    }

    private WebhookSecret insert(long ws, String secret, Instant now) {
        jdbc.sql("INSERT INTO automation_webhook_secret (workspace_id, sealed_secret, created_at) VALUES (?, ?, ?)")
                .params(ws, box.encrypt(secret), Sql.ts(now)).update();
        return new WebhookSecret(secret, now);
    }

    private static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
