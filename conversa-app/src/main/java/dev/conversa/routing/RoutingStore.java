package dev.conversa.routing;

import dev.conversa.kernel.Media;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for routing settings, agent skills and capacities, skill rules and the decision log. */
@Repository
class RoutingStore {
    private final JdbcClient jdbc;

    RoutingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RoutingSettings> settings(long ws) {
        return jdbc.sql("SELECT * FROM routing_settings WHERE workspace_id = ?").param(ws)
                .query((rs, n) -> new RoutingSettings(ContactCenterModel.valueOf(rs.getString("model")),
                        Strategy.valueOf(rs.getString("strategy")), Sql.longOrNull(rs, "call_team_id"),
                        Sql.longOrNull(rs, "chat_team_id"), Sql.longOrNull(rs, "social_team_id"),
                        Sql.longOrNull(rs, "email_team_id"), Sql.longOrNull(rs, "overflow_team_id"),
                        intOrNull(rs, "overflow_seconds"), rs.getLong("vip_followers")))
                .optional();
    }

    void saveSettings(long ws, RoutingSettings s) {
        jdbc.sql("DELETE FROM routing_settings WHERE workspace_id = ?").param(ws).update();
        jdbc.sql("""
                INSERT INTO routing_settings (workspace_id, model, strategy, call_team_id, chat_team_id, social_team_id,
                  email_team_id, overflow_team_id, overflow_seconds, vip_followers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ws, s.model().name(), s.strategy().name(), s.callTeamId(), s.chatTeamId(), s.socialTeamId(),
                        s.emailTeamId(), s.overflowTeamId(), s.overflowSeconds(), s.vipFollowers())
                .update();
    }

    void saveAgent(long ws, AgentRouting a) {
        jdbc.sql("DELETE FROM routing_agent WHERE user_id = ?").param(a.userId()).update();
        String skills = a.skills().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        jdbc.sql("""
                INSERT INTO routing_agent (user_id, workspace_id, skills, cap_call, cap_chat, cap_social, cap_email)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(a.userId(), ws, skills, cap(a, Media.CALL), cap(a, Media.CHAT), cap(a, Media.SOCIAL),
                        cap(a, Media.EMAIL))
                .update();
    }

    List<AgentRouting> agents(long ws) {
        return jdbc.sql("SELECT * FROM routing_agent WHERE workspace_id = ? ORDER BY user_id").param(ws)
                .query(RoutingStore::agent).list();
    }

    long addRule(long ws, SkillRule r) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO routing_skill_rule (workspace_id, channel, language, tag, skill, min_level, required)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(ws, r.channel() == null ? null : r.channel().name(), r.language(), r.tag(), r.skill(), r.minLevel(),
                        r.required())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<SkillRule> rules(long ws) {
        return jdbc.sql("SELECT * FROM routing_skill_rule WHERE workspace_id = ? ORDER BY id").param(ws)
                .query((rs, n) -> new SkillRule(rs.getLong("id"),
                        rs.getString("channel") == null ? null : ChannelType.valueOf(rs.getString("channel")),
                        rs.getString("language"), rs.getString("tag"), rs.getString("skill"), rs.getInt("min_level"),
                        rs.getBoolean("required")))
                .list();
    }

    int deleteRule(long ws, long id) {
        return jdbc.sql("DELETE FROM routing_skill_rule WHERE workspace_id = ? AND id = ?").params(ws, id).update();
    }

    void log(long ws, long conversationId, Long agentId, String trigger, String explanation, Instant at) {
        jdbc.sql("""
                INSERT INTO routing_decision (workspace_id, conversation_id, agent_id, trigger_kind, explanation, decided_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(ws, conversationId, agentId, trigger, explanation.length() > 1000 ? explanation.substring(0, 1000)
                        : explanation, Sql.ts(at))
                .update();
    }

    List<DecisionLog> decisions(long ws, long conversationId) {
        return jdbc.sql("SELECT * FROM routing_decision WHERE workspace_id = ? AND conversation_id = ? ORDER BY id")
                .params(ws, conversationId)
                .query((rs, n) -> new DecisionLog(rs.getLong("id"), rs.getLong("conversation_id"),
                        Sql.longOrNull(rs, "agent_id"), rs.getString("trigger_kind"), rs.getString("explanation"),
                        Sql.instant(rs, "decided_at")))
                .list();
    }

    private static int cap(AgentRouting a, Media m) {
        return a.capacity().getOrDefault(m, 0);
    }

    private static AgentRouting agent(ResultSet rs, int n) throws SQLException {
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (String s : rs.getString("skills").split(",")) {
            if (!s.isBlank()) {
                String[] kv = s.split("=");
                skills.put(kv[0], Integer.parseInt(kv[1]));
            }
        }
        Map<Media, Integer> cap = new EnumMap<>(Media.class);
        cap.put(Media.CALL, rs.getInt("cap_call"));
        cap.put(Media.CHAT, rs.getInt("cap_chat"));
        cap.put(Media.SOCIAL, rs.getInt("cap_social"));
        cap.put(Media.EMAIL, rs.getInt("cap_email"));
        return new AgentRouting(rs.getLong("user_id"), skills, cap);
    }

    private static Integer intOrNull(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }
}
