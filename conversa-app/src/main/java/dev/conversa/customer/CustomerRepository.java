package dev.conversa.customer;

import dev.conversa.kernel.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for customers, their identities, attributes and notes. Every statement is scoped by workspace. */
@Repository
class CustomerRepository {
    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long ws, String name, String email, String phone, String avatarUrl, String locale, boolean vip) {
        Instant now = Instant.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO customer (workspace_id, name, email, phone, avatar_url, locale, vip, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ws, name, email, phone, avatarUrl, locale, vip, Sql.ts(now), Sql.ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long ws, long id, String name, String email, String phone, String avatarUrl, String locale, boolean vip) {
        jdbc.sql("""
                UPDATE customer SET name = ?, email = ?, phone = ?, avatar_url = ?, locale = ?, vip = ?, updated_at = ?
                WHERE id = ? AND workspace_id = ?""")
                .params(name, email, phone, avatarUrl, locale, vip, Sql.ts(Instant.now()), id, ws).update();
    }

    Optional<Customer> find(long ws, long id) {
        return jdbc.sql("SELECT * FROM customer WHERE id = ? AND workspace_id = ?").params(id, ws)
                .query((rs, n) -> map(rs, identities(id), attributes(id))).optional();
    }

    Optional<Long> customerOfIdentity(long ws, IdentityKind kind, String value) {
        return jdbc.sql("SELECT customer_id FROM customer_identity WHERE workspace_id = ? AND kind = ? AND identity_value = ?")
                .params(ws, kind.name(), value).query(Long.class).optional();
    }

    void insertIdentity(long ws, long customerId, NewIdentity identity, String normalizedValue) {
        jdbc.sql("""
                INSERT INTO customer_identity (workspace_id, customer_id, kind, identity_value, display_name, handle,
                    avatar_url, profile_url, follower_count, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ws, customerId, identity.kind().name(), normalizedValue, identity.displayName(), identity.handle(),
                        identity.avatarUrl(), identity.profileUrl(), identity.followerCount(), Sql.ts(Instant.now()))
                .update();
    }

    /** Social profiles change (new avatar, more followers): keep the latest the channel told us. */
    /** Keeps the network's latest profile data; writes only when something new arrived (most messages carry none). */
    /** A stored identity's customer and the profile details last seen for it. */
    record KnownIdentity(long customerId, String displayName, String handle, String avatarUrl, String profileUrl,
                         Long followerCount) {

        /** Whether {@code seen} brings a detail that differs from the stored one (an absent detail changes nothing). */
        boolean changedBy(NewIdentity seen) {
            return differs(seen.displayName(), displayName) || differs(seen.handle(), handle)
                    || differs(seen.avatarUrl(), avatarUrl) || differs(seen.profileUrl(), profileUrl)
                    || differs(seen.followerCount(), followerCount);
        }

        private static boolean differs(Object seen, Object stored) {
            return seen != null && !seen.equals(stored);
        }
    }

    /** The identity's customer and stored profile, read in the same round trip the message's author lookup needs. */
    Optional<KnownIdentity> identity(long ws, IdentityKind kind, String value) {
        return jdbc.sql("""
                SELECT customer_id, display_name, handle, avatar_url, profile_url, follower_count FROM customer_identity
                WHERE workspace_id = ? AND kind = ? AND identity_value = ?""")
                .params(ws, kind.name(), value)
                .query((rs, n) -> new KnownIdentity(rs.getLong("customer_id"), rs.getString("display_name"),
                        rs.getString("handle"), rs.getString("avatar_url"), rs.getString("profile_url"),
                        Sql.longOrNull(rs, "follower_count")))
                .optional();
    }

    /** Keeps the stored details and overwrites those the channel now reports. */
    void refreshIdentityProfile(long ws, IdentityKind kind, String value, NewIdentity profile) {
        jdbc.sql("""
                UPDATE customer_identity SET display_name = COALESCE(:name, display_name), handle = COALESCE(:handle, handle),
                    avatar_url = COALESCE(:avatar, avatar_url), profile_url = COALESCE(:profile, profile_url),
                    follower_count = COALESCE(:followers, follower_count)
                WHERE workspace_id = :ws AND kind = :kind AND identity_value = :value""")
                .param("name", profile.displayName()).param("handle", profile.handle())
                .param("avatar", profile.avatarUrl()).param("profile", profile.profileUrl())
                .param("followers", profile.followerCount()).param("ws", ws).param("kind", kind.name())
                .param("value", value)
                .update();
    }

    int deleteIdentity(long ws, long customerId, long identityId) {
        return jdbc.sql("DELETE FROM customer_identity WHERE id = ? AND customer_id = ? AND workspace_id = ?")
                .params(identityId, customerId, ws).update();
    }

    void putAttribute(long customerId, String name, String value) {
        int n = jdbc.sql("UPDATE customer_attribute SET attribute_value = ? WHERE customer_id = ? AND attribute_name = ?")
                .params(value, customerId, name).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO customer_attribute (customer_id, attribute_name, attribute_value) VALUES (?, ?, ?)")
                    .params(customerId, name, value).update();
        }
    }

    void removeAttribute(long customerId, String name) {
        jdbc.sql("DELETE FROM customer_attribute WHERE customer_id = ? AND attribute_name = ?").params(customerId, name).update();
    }

    long count(long ws, String like) {
        return jdbc.sql("SELECT COUNT(*) FROM customer c WHERE c.workspace_id = :ws AND c.merged_into_id IS NULL" + searchClause(like))
                .param("ws", ws).param("q", like == null ? "" : like).query(Long.class).single();
    }

    List<Customer> search(long ws, String like, int limit, long offset) {
        List<Long> ids = jdbc.sql("SELECT c.id FROM customer c WHERE c.workspace_id = :ws AND c.merged_into_id IS NULL"
                        + searchClause(like) + " ORDER BY c.updated_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                .param("ws", ws).param("q", like == null ? "" : like).param("limit", limit).param("offset", offset)
                .query(Long.class).list();
        return ids.stream().map(id -> find(ws, id).orElseThrow()).toList();
    }

    private static String searchClause(String like) {
        if (like == null) {
            return "";
        }
        return " AND (LOWER(c.name) LIKE :q OR LOWER(c.email) LIKE :q OR c.phone LIKE :q OR EXISTS ("
                + "SELECT 1 FROM customer_identity i WHERE i.customer_id = c.id AND (LOWER(i.identity_value) LIKE :q"
                + " OR LOWER(i.handle) LIKE :q OR LOWER(i.display_name) LIKE :q)))";
    }

    long insertNote(long ws, long customerId, Long authorId, String body) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO customer_note (workspace_id, customer_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(ws, customerId, authorId, body, Sql.ts(Instant.now())).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<CustomerNote> notes(long ws, long customerId) {
        return jdbc.sql("SELECT * FROM customer_note WHERE workspace_id = ? AND customer_id = ? ORDER BY created_at DESC, id DESC")
                .params(ws, customerId)
                .query((rs, n) -> new CustomerNote(rs.getLong("id"), customerId, Sql.longOrNull(rs, "author_id"),
                        rs.getString("body"), Sql.instant(rs, "created_at")))
                .list();
    }

    private List<CustomerIdentity> identities(long customerId) {
        return jdbc.sql("SELECT * FROM customer_identity WHERE customer_id = ? ORDER BY id").param(customerId)
                .query((rs, n) -> new CustomerIdentity(rs.getLong("id"), IdentityKind.valueOf(rs.getString("kind")),
                        rs.getString("identity_value"), rs.getString("display_name"), rs.getString("handle"),
                        rs.getString("avatar_url"), rs.getString("profile_url"), Sql.longOrNull(rs, "follower_count"),
                        Sql.instant(rs, "created_at")))
                .list();
    }

    private Map<String, String> attributes(long customerId) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("SELECT attribute_name, attribute_value FROM customer_attribute WHERE customer_id = ? ORDER BY attribute_name")
                .param(customerId).query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    private static Customer map(ResultSet rs, List<CustomerIdentity> identities, Map<String, String> attributes)
            throws SQLException {
        return new Customer(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("avatar_url"), rs.getString("locale"), rs.getBoolean("vip"),
                Sql.longOrNull(rs, "merged_into_id"), identities, attributes, Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
