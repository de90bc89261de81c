package dev.conversa.mention;

import dev.conversa.channel.SecretBox;
import dev.conversa.kernel.Sql;
import dev.conversa.mention.TopicFigures.AuthorFigure;
import dev.conversa.mention.TopicFigures.Count;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for alert rules, the alerts they raised and each workspace's feed secret. */
@Repository
class AlertStore {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SecretBox box;

    AlertStore(JdbcClient jdbc, JsonMapper json, SecretBox box) {
        this.jdbc = jdbc;
        this.json = json;
        this.box = box;
    }

    /** What explains an alert besides its numbers, stored as JSON. */
    record Explanation(List<Count> topTerms, List<AuthorFigure> topAuthors, List<Alert.Sample> samples) {
    }

    long insertRule(long ws, long topicId, AlertKind kind, int weeks, double threshold, int minCount, int cooldown,
                    String emailTo, String webhookUrl, String secret, Instant now, String term, Long minFollowers) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO listening_alert_rule (workspace_id, topic_id, kind, baseline_weeks, threshold, min_count,
                    cooldown_minutes, email_to, webhook_url, webhook_secret, created_at, term, min_followers)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ws, topicId, kind.name(), weeks, threshold, minCount, cooldown, emailTo, webhookUrl,
                        secret == null ? null : box.encrypt(secret), Sql.ts(now), term, minFollowers)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<AlertRule> rule(long ws, long id) {
        return jdbc.sql("SELECT * FROM listening_alert_rule WHERE workspace_id = ? AND id = ?").params(ws, id)
                .query(this::rule).optional();
    }

    List<AlertRule> rules(long ws) {
        return jdbc.sql("SELECT * FROM listening_alert_rule WHERE workspace_id = ? ORDER BY topic_id, id").param(ws)
                .query(this::rule).list();
    }

    boolean deleteRule(long ws, long id) {
        return jdbc.sql("DELETE FROM listening_alert_rule WHERE workspace_id = ? AND id = ?").params(ws, id).update() == 1;
    }

    List<Long> workspacesWithRules() {
        return jdbc.sql("SELECT DISTINCT workspace_id FROM listening_alert_rule ORDER BY workspace_id").query(Long.class).list();
    }

    /** The end of the last hour the rule judged, {@code null} before its first. */
    Optional<Instant> evaluatedUntil(long ruleId) {
        return jdbc.sql("SELECT evaluated_until FROM listening_alert_rule WHERE id = ?").param(ruleId)
                .query((rs, n) -> Optional.ofNullable(Sql.instant(rs, "evaluated_until"))).single();
    }

    void evaluated(long ruleId, Instant until, Instant firedAt) {
        jdbc.sql("UPDATE listening_alert_rule SET evaluated_until = ?, last_fired_at = COALESCE(?, last_fired_at) WHERE id = ?")
                .params(Sql.ts(until), Sql.ts(firedAt), ruleId).update();
    }

    long insertAlert(long ws, Alert a) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO listening_alert (workspace_id, rule_id, topic_id, topic_name, kind, window_start, window_end,
                    observed, expected, band_low, band_high, z_score, baseline, explanation, fired_at, delivery_due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ws, a.ruleId(), a.topicId(), a.topicName(), a.kind().name(), Sql.ts(a.windowStart()),
                        Sql.ts(a.windowEnd()), a.observed(), a.expected(), a.bandLow(), a.bandHigh(), a.zScore(),
                        String.join(",", a.baseline().stream().map(String::valueOf).toList()),
                        json.writeValueAsString(new Explanation(a.topTerms(), a.topAuthors(), a.samples())),
                        Sql.ts(a.firedAt()), Sql.ts(a.firedAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** An alert whose delivery a node claimed: its workspace, rule, statuses so far and attempts made. */
    record PendingDelivery(long workspaceId, long alertId, long ruleId, String emailStatus, String webhookStatus,
                           int attempts) {
    }

    List<Long> deliveriesDue(Instant now, int max) {
        return jdbc.sql("""
                SELECT id FROM listening_alert WHERE delivery_due_at <= ?
                  AND (delivery_claimed_until IS NULL OR delivery_claimed_until < ?)
                ORDER BY delivery_due_at FETCH FIRST %d ROWS ONLY""".formatted(max))
                .params(Sql.ts(now), Sql.ts(now)).query(Long.class).list();
    }

    /** Claims a due delivery until {@code until}, unless another node claimed it first. */
    Optional<PendingDelivery> claimDelivery(long alertId, Instant now, Instant until) {
        int claimed = jdbc.sql("""
                UPDATE listening_alert SET delivery_claimed_until = ?
                WHERE id = ? AND delivery_due_at <= ? AND (delivery_claimed_until IS NULL OR delivery_claimed_until < ?)""")
                .params(Sql.ts(until), alertId, Sql.ts(now), Sql.ts(now)).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT workspace_id, id, rule_id, email_status, webhook_status, delivery_attempts FROM listening_alert WHERE id = ?")
                .param(alertId).query((rs, n) -> new PendingDelivery(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6))).optional();
    }

    /** Records an attempt: the statuses, and when the next is due ({@code null}: nothing left to send). */
    void delivered(long alertId, String emailStatus, String webhookStatus, int attempts, Instant nextDue) {
        jdbc.sql("""
                UPDATE listening_alert SET email_status = ?, webhook_status = ?, delivery_attempts = ?, delivery_due_at = ?,
                    delivery_claimed_until = NULL WHERE id = ?""")
                .params(emailStatus, webhookStatus, attempts, Sql.ts(nextDue), alertId).update();
    }

    List<Alert> alerts(long ws, int limit) {
        return jdbc.sql("SELECT * FROM listening_alert WHERE workspace_id = ? ORDER BY fired_at DESC, id DESC FETCH FIRST "
                        + limit + " ROWS ONLY")
                .param(ws).query(this::alert).list();
    }

    Optional<Alert> alert(long ws, long id) {
        return jdbc.sql("SELECT * FROM listening_alert WHERE workspace_id = ? AND id = ?").params(ws, id)
                .query(this::alert).optional();
    }

    Optional<String> feedSecret(long ws) {
        return jdbc.sql("SELECT secret FROM listening_alert_feed WHERE workspace_id = ?").param(ws).query(String.class).optional();
    }

    /** Keeps the first secret when two requests race: the loser's insert fails and the stored one is read. */
    String createFeedSecret(long ws, String secret) {
        try {
            jdbc.sql("INSERT INTO listening_alert_feed (workspace_id, secret) VALUES (?, ?)").params(ws, secret).update();
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // the other request's secret stands
        }
        return feedSecret(ws).orElseThrow();
    }

    Optional<Long> workspaceOfFeed(String secret) {
        return jdbc.sql("SELECT workspace_id FROM listening_alert_feed WHERE secret = ?").param(secret).query(Long.class).optional();
    }

    private AlertRule rule(ResultSet rs, int n) throws SQLException {
        String to = rs.getString("email_to");
        String sealed = rs.getString("webhook_secret");
        return new AlertRule(rs.getLong("id"), rs.getLong("topic_id"), AlertKind.valueOf(rs.getString("kind")),
                rs.getInt("baseline_weeks"), rs.getDouble("threshold"), rs.getInt("min_count"),
                rs.getInt("cooldown_minutes"), to == null || to.isEmpty() ? List.of() : List.of(to.split(",")),
                rs.getString("webhook_url"), sealed == null ? null : box.decrypt(sealed), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "last_fired_at"), rs.getString("term"),
                rs.getObject("min_followers") == null ? null : rs.getLong("min_followers"));
    }

    private Alert alert(ResultSet rs, int n) throws SQLException {
        Explanation e = json.readValue(rs.getString("explanation"), Explanation.class);
        String baseline = rs.getString("baseline");
        return new Alert(rs.getLong("id"), rs.getLong("rule_id"), rs.getLong("topic_id"), rs.getString("topic_name"),
                AlertKind.valueOf(rs.getString("kind")), Sql.instant(rs, "window_start"), Sql.instant(rs, "window_end"),
                rs.getLong("observed"), rs.getDouble("expected"), rs.getDouble("band_low"), rs.getDouble("band_high"),
                rs.getDouble("z_score"),
                baseline.isEmpty() ? List.of() : Arrays.stream(baseline.split(",")).map(Long::valueOf).toList(),
                e.topTerms(), e.topAuthors(), e.samples(), Sql.instant(rs, "fired_at"), rs.getString("email_status"),
                rs.getString("webhook_status"));
    }
}
