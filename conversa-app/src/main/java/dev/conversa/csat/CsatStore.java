package dev.conversa.csat;

import dev.conversa.kernel.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for CSAT settings, surveys and answers. */
@Repository
class CsatStore {
    private final JdbcClient jdbc;

    CsatStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CsatSettings> settings(long ws) {
        return jdbc.sql("SELECT * FROM csat_settings WHERE workspace_id = ?").param(ws)
                .query((rs, n) -> new CsatSettings(rs.getBoolean("enabled"), rs.getBoolean("ask_nps"), rs.getBoolean("ask_ces")))
                .optional();
    }

    void saveSettings(long ws, CsatSettings s) {
        jdbc.sql("DELETE FROM csat_settings WHERE workspace_id = ?").param(ws).update();
        jdbc.sql("INSERT INTO csat_settings (workspace_id, enabled, ask_nps, ask_ces) VALUES (?, ?, ?, ?)")
                .params(ws, s.enabled(), s.askNps(), s.askCes()).update();
    }

    long insert(long ws, long conversationId, String token, String channel, Long agentId, Long teamId, String language,
                boolean nps, boolean ces, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO csat_survey (workspace_id, conversation_id, token, channel, agent_id, team_id, language, ask_nps,
                  ask_ces, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ws, conversationId, token, channel, agentId, teamId, language, nps, ces, Sql.ts(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void setMessage(long id, long messageId) {
        jdbc.sql("UPDATE csat_survey SET message_id = ? WHERE id = ?").params(messageId, id).update();
    }

    /** Stores the answer once; {@code false} when already answered. */
    boolean answer(String token, int score, String comment, Integer nps, Integer ces, Instant at) {
        return jdbc.sql("""
                UPDATE csat_survey SET score = ?, comment = ?, nps = ?, ces = ?, answered_at = ?
                WHERE token = ? AND answered_at IS NULL""")
                .params(score, comment, nps, ces, Sql.ts(at), token).update() == 1;
    }

    Optional<Row> byToken(String token) {
        return jdbc.sql("SELECT * FROM csat_survey WHERE token = ?").param(token).query(CsatStore::row).optional();
    }

    List<CsatSurvey> forConversation(long ws, long conversationId) {
        return jdbc.sql("SELECT * FROM csat_survey WHERE workspace_id = ? AND conversation_id = ? ORDER BY id")
                .params(ws, conversationId).query((rs, n) -> row(rs, n).survey()).list();
    }

    List<CsatSurvey> all(long ws, Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM csat_survey WHERE workspace_id = ? AND sent_at >= ? AND sent_at < ? ORDER BY id")
                .params(ws, Sql.ts(from), Sql.ts(to)).query((rs, n) -> row(rs, n).survey()).list();
    }

    record Row(long workspaceId, CsatSurvey survey) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("workspace_id"), new CsatSurvey(rs.getLong("id"), rs.getLong("conversation_id"),
                rs.getString("channel"), Sql.longOrNull(rs, "agent_id"), Sql.longOrNull(rs, "team_id"),
                rs.getString("language"), rs.getBoolean("ask_nps"), rs.getBoolean("ask_ces"), Sql.longOrNull(rs, "message_id"),
                Sql.instant(rs, "sent_at"), intOrNull(rs, "score"), rs.getString("comment"), intOrNull(rs, "nps"),
                intOrNull(rs, "ces"), Sql.instant(rs, "answered_at")));
    }

    private static Integer intOrNull(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }
}
