package dev.conversa.channel.webchat;

import dev.conversa.kernel.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Widget visitors (identified by a random token kept in the visitor's browser) and their page views. */
@Repository
class WebchatVisitors {
    private static final SecureRandom RANDOM = new SecureRandom();

    record Visitor(long id, long workspaceId, long inboxId, Long customerId, String name, String email, String externalUserId,
                   String locale) {
    }

    record PageView(String url, String title, Instant viewedAt) {
    }

    private final JdbcClient jdbc;

    WebchatVisitors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a visitor; answers it with the token to give to the browser (only its hash is stored). */
    Created create(long ws, long inboxId, String name, String email, String externalUserId, String locale) {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        var keys = new GeneratedKeyHolder();
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO webchat_visitor (workspace_id, inbox_id, token_hash, name, email, external_user_id, locale,
                    created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ws, inboxId, hash(token), name, email, externalUserId, locale, Sql.ts(now), Sql.ts(now))
                .update(keys, "id");
        return new Created(find(keys.getKey().longValue()).orElseThrow(), token);
    }

    record Created(Visitor visitor, String token) {
    }

    Optional<Visitor> byToken(long inboxId, String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM webchat_visitor WHERE token_hash = ? AND inbox_id = ?").params(hash(token), inboxId)
                .query(WebchatVisitors::map).optional();
    }

    Optional<Visitor> find(long id) {
        return jdbc.sql("SELECT * FROM webchat_visitor WHERE id = ?").param(id).query(WebchatVisitors::map).optional();
    }

    List<Visitor> ofUser(long inboxId, String externalUserId) {
        return jdbc.sql("SELECT * FROM webchat_visitor WHERE inbox_id = ? AND external_user_id = ? ORDER BY last_seen_at DESC")
                .params(inboxId, externalUserId).query(WebchatVisitors::map).list();
    }

    void update(long id, String name, String email, Long customerId) {
        jdbc.sql("""
                UPDATE webchat_visitor SET name = COALESCE(?, name), email = COALESCE(?, email),
                    customer_id = COALESCE(?, customer_id), last_seen_at = ? WHERE id = ?""")
                .params(name, email, customerId, Sql.ts(Instant.now()), id).update();
    }

    void pageView(Visitor v, String url, String title) {
        jdbc.sql("""
                INSERT INTO webchat_page_view (workspace_id, visitor_id, customer_id, url, title, viewed_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(v.workspaceId(), v.id(), v.customerId(), cut(url, 2000), cut(title, 500), Sql.ts(Instant.now()))
                .update();
    }

    /** Earlier page views of an anonymous visitor join the customer once they write. */
    void linkPageViews(long visitorId, long customerId) {
        jdbc.sql("UPDATE webchat_page_view SET customer_id = ? WHERE visitor_id = ? AND customer_id IS NULL")
                .params(customerId, visitorId).update();
    }

    List<PageView> pageViews(long ws, long customerId, int limit) {
        return jdbc.sql("""
                SELECT url, title, viewed_at FROM webchat_page_view WHERE workspace_id = ? AND customer_id = ?
                ORDER BY viewed_at DESC, id DESC LIMIT ?""")
                .params(ws, customerId, limit)
                .query((rs, n) -> new PageView(rs.getString(1), rs.getString(2), Sql.instant(rs, "viewed_at"))).list();
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.substring(0, Math.min(max, s.length()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Visitor map(ResultSet rs, int row) throws SQLException {
        return new Visitor(rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("inbox_id"), Sql.longOrNull(rs, "customer_id"),
                rs.getString("name"), rs.getString("email"), rs.getString("external_user_id"), rs.getString("locale"));
    }
}
