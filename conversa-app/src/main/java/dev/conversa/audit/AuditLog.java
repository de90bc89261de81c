package dev.conversa.audit;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import dev.conversa.kernel.Sql;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads the audit log. Supervisors and admins read their workspace's entries. */
@Service
public class AuditLog {
    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(Long workspaceId, Long actorId, String action, String subjectType, Object subjectId, String details) {
        String actorName = actorId == null ? "system" : jdbc.sql("SELECT COALESCE(email, name) FROM app_user WHERE id = ?").param(actorId)
                .query(String.class).optional().orElse("user " + actorId);
        jdbc.sql("""
                INSERT INTO audit_event (workspace_id, actor_id, actor_name, action, subject_type, subject_id, details, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(workspaceId, actorId, actorName, action, subjectType, subjectId == null ? null : String.valueOf(subjectId),
                        details, Sql.ts(Instant.now()))
                .update();
    }

    /** The actions and subject types the workspace's log holds, sorted, for the filters of Admin → Audit log. */
    public Map<String, List<String>> kinds(Actor actor) {
        actor.require(Role.SUPERVISOR);
        long ws = actor.workspace();
        return Map.of(
                "actions", jdbc.sql("SELECT DISTINCT action FROM audit_event WHERE workspace_id = ? ORDER BY action")
                        .param(ws).query(String.class).list(),
                "subjectTypes", jdbc.sql("SELECT DISTINCT subject_type FROM audit_event WHERE workspace_id = ?"
                        + " AND subject_type IS NOT NULL ORDER BY subject_type").param(ws).query(String.class).list());
    }

    public Page<AuditEntry> list(String action, String subjectType, String subjectId, Paging paging, Actor actor) {
        actor.require(Role.SUPERVISOR);
        var where = new StringBuilder("workspace_id = :ws");
        Map<String, Object> p = new HashMap<>();
        p.put("ws", actor.workspace());
        if (action != null) {
            where.append(" AND action = :action");
            p.put("action", action);
        }
        if (subjectType != null) {
            where.append(" AND subject_type = :subjectType");
            p.put("subjectType", subjectType);
        }
        if (subjectId != null) {
            where.append(" AND subject_id = :subjectId");
            p.put("subjectId", subjectId);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE " + where).params(p).query(Long.class).single();
        p.put("limit", paging.size());
        p.put("offset", paging.offset());
        var items = jdbc.sql("SELECT * FROM audit_event WHERE " + where + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(p)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), Sql.longOrNull(rs, "workspace_id"), Sql.longOrNull(rs, "actor_id"),
                        rs.getString("actor_name"), rs.getString("action"), rs.getString("subject_type"),
                        rs.getString("subject_id"), rs.getString("details"), Sql.instant(rs, "occurred_at")))
                .list();
        return new Page<>(items, paging.page(), paging.size(), total);
    }
}
