package dev.conversa.automation;

import dev.conversa.cluster.CacheCoherence;
import dev.conversa.kernel.Sql;
import dev.conversa.kernel.WorkspaceFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for rules, their runs, and the marks automation leaves on its own changes. */
@Repository
class AutomationStore {
    private static final TypeReference<List<Condition>> CONDITIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<Action>> ACTIONS = new TypeReference<>() {
    };

    private static final String CACHE = "automation-rules";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CacheCoherence coherence;
    /** Asked for every event of every conversation, changed by an admin now and then. */
    private final WorkspaceFacts<Trigger> triggers;

    AutomationStore(JdbcClient jdbc, JsonMapper json, CacheCoherence coherence,
                    @Value("${conversa.automation.rules-cache-ttl:5s}") Duration rulesTtl) {
        this.jdbc = jdbc;
        this.json = json;
        this.coherence = coherence;
        this.triggers = new WorkspaceFacts<>(rulesTtl, this::countRules);
        coherence.register(CACHE, triggers::forget);
    }

    private void rulesChanged(long ws) {
        triggers.forget(ws);
        coherence.changed(CACHE, ws);
    }

    record Run(long ruleId, long conversationId, String trigger, String actions, Instant ranAt) {
    }

    long insert(long ws, String name, Trigger trigger, List<Condition> conditions, List<Action> actions, int position) {
        rulesChanged(ws);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO automation_rule (workspace_id, name, trigger_event, conditions, actions, position, enabled, created_at)
                VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)""")
                .params(ws, name, trigger.name(), json.writeValueAsString(conditions), json.writeValueAsString(actions),
                        position, Sql.ts(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<AutomationRule> rules(long ws) {
        return jdbc.sql("SELECT * FROM automation_rule WHERE workspace_id = ? ORDER BY position, id").param(ws)
                .query(this::map).list();
    }

    Optional<AutomationRule> rule(long ws, long id) {
        return jdbc.sql("SELECT * FROM automation_rule WHERE workspace_id = ? AND id = ?").params(ws, id).query(this::map).optional();
    }

    int delete(long ws, long id) {
        rulesChanged(ws);
        return jdbc.sql("DELETE FROM automation_rule WHERE workspace_id = ? AND id = ?").params(ws, id).update();
    }

    /** Whether the workspace has enabled rules for the trigger; cached a few seconds (see {@link WorkspaceFacts}). */
    boolean hasRules(long ws, Trigger trigger) {
        return triggers.test(ws, trigger);
    }

    private boolean countRules(long ws, Trigger trigger) {
        return jdbc.sql("SELECT COUNT(*) FROM automation_rule WHERE workspace_id = ? AND trigger_event = ? AND enabled = TRUE")
                .params(ws, trigger.name()).query(Long.class).single() > 0;
    }

    void recordRun(long ws, long ruleId, long conversationId, Trigger trigger, String actions) {
        jdbc.sql("""
                INSERT INTO automation_run (workspace_id, rule_id, conversation_id, trigger_event, actions, ran_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(ws, ruleId, conversationId, trigger.name(), actions, Sql.ts(Instant.now())).update();
    }

    List<Run> runs(long ws, long conversationId) {
        return jdbc.sql("SELECT * FROM automation_run WHERE workspace_id = ? AND conversation_id = ? ORDER BY id")
                .params(ws, conversationId)
                .query((rs, n) -> new Run(rs.getLong("rule_id"), rs.getLong("conversation_id"), rs.getString("trigger_event"),
                        rs.getString("actions"), Sql.instant(rs, "ran_at")))
                .list();
    }

    void markEffect(long conversationId, Trigger trigger) {
        jdbc.sql("INSERT INTO automation_effect (conversation_id, trigger_event, created_at) VALUES (?, ?, ?)")
                .params(conversationId, trigger.name(), Sql.ts(Instant.now())).update();
    }

    /** Consumes one mark: {@code true} when the event was caused by automation itself. */
    boolean consumeEffect(long conversationId, Trigger trigger) {
        Optional<Long> id = jdbc.sql("""
                SELECT id FROM automation_effect WHERE conversation_id = ? AND trigger_event = ? ORDER BY id LIMIT 1""")
                .params(conversationId, trigger.name()).query(Long.class).optional();
        return id.isPresent() && jdbc.sql("DELETE FROM automation_effect WHERE id = ?").param(id.get()).update() == 1;
    }

    private AutomationRule map(ResultSet rs, int n) throws SQLException {
        return new AutomationRule(rs.getLong("id"), rs.getString("name"), Trigger.valueOf(rs.getString("trigger_event")),
                json.readValue(rs.getString("conditions"), CONDITIONS), json.readValue(rs.getString("actions"), ACTIONS),
                rs.getInt("position"), rs.getBoolean("enabled"));
    }
}
