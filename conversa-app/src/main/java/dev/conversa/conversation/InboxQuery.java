package dev.conversa.conversation;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Role;
import dev.conversa.kernel.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The console's read side: the inbox list, counts per view and a customer's history. Built for a workspace with
 * hundreds of thousands of conversations: the newest-first list walks {@code conversation_recent_idx} with a keyset
 * cursor, and tags, previews and mentions are fetched for the whole page in one query each (no query per row).
 *
 * <p>Visibility: agents see conversations that are unassigned, theirs, their teams' or that mention them;
 * supervisors and admins see the whole workspace.
 */
@Service
public class InboxQuery {
    private static final int PREVIEW = 140;
    /** Sorts conversations without a running SLA timer after every due time. */
    private static final java.time.Instant NEVER = java.time.Instant.parse("9999-12-31T00:00:00Z");

    private final JdbcClient jdbc;

    InboxQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<InboxRow> list(InboxCriteria criteria, List<Long> myTeams, Actor actor) {
        long ws = actor.workspace();
        Map<String, Object> p = new HashMap<>();
        String where = where(ws, criteria, myTeams, actor, p);
        String order = switch (criteria.sort() == null ? InboxCriteria.Sort.NEWEST : criteria.sort()) {
            case NEWEST -> "c.last_message_at DESC, c.id DESC";
            case OLDEST_WAITING -> "CASE WHEN c.waiting_since IS NULL THEN 1 ELSE 0 END, c.waiting_since, c.id";
            // The running (or breached) SLA timer due first; conversations without one come last, oldest waiting first.
            case SLA_DUE -> "COALESCE((SELECT MIN(st.due_at) FROM sla_timer st WHERE st.conversation_id = c.id"
                    + " AND st.status IN ('RUNNING', 'BREACHED')), :never), "
                    + "CASE WHEN c.waiting_since IS NULL THEN 1 ELSE 0 END, c.waiting_since, c.id";
            case PRIORITY -> "CASE c.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END, "
                    + "c.last_message_at DESC, c.id DESC";
        };
        if (criteria.sort() == InboxCriteria.Sort.SLA_DUE) {
            p.put("never", Sql.ts(NEVER));
        }
        p.put("limit", Math.max(1, Math.min(criteria.limit(), 200)));
        // Conversation columns only: the customer's name is looked up for the page afterwards (see decorate), so the
        // database sorts the workspace's active conversations without joining each of them to its customer first
        // (on H2 that join tripled the time of the whole list).
        List<InboxRow> rows = jdbc.sql("""
                SELECT c.id, c.inbox_id, c.channel, c.customer_id, c.subject, c.status, c.priority,
                       c.assignee_id, c.team_id, c.sentiment, c.message_count, c.last_message_at, c.waiting_since
                FROM conversation c
                WHERE %s ORDER BY %s FETCH FIRST :limit ROWS ONLY""".formatted(where, order))
                .params(p).query(InboxQuery::row).list();
        return decorate(ws, rows, actor.userId());
    }

    public ViewCounts counts(List<Long> myTeams, Actor actor) {
        long ws = actor.workspace();
        Long me = actor.userId() == null ? -1L : actor.userId();
        return new ViewCounts(
                cappedCount(ws, " AND c.assignee_id = :me", myTeams, actor),
                cappedCount(ws, " AND c.assignee_id IS NULL", myTeams, actor),
                myTeams.isEmpty() ? 0 : cappedCount(ws, " AND c.team_id IN (:teams)", myTeams, actor),
                cappedCount(ws, "", myTeams, actor),
                jdbc.sql("""
                        SELECT COUNT(DISTINCT conversation_id) FROM note_mention
                        WHERE workspace_id = :ws AND user_id = :me AND read_at IS NULL""")
                        .param("ws", ws).param("me", me).query(Long.class).single());
    }

    /** Counts active conversations of a view, stopping at {@link ViewCounts#CAP}: bounded work whatever the size. */
    private long cappedCount(long ws, String condition, List<Long> myTeams, Actor actor) {
        Map<String, Object> p = new HashMap<>();
        String visible = visibility(myTeams, actor, p);
        p.put("ws", ws);
        if (condition.contains(":me")) {
            p.put("me", actor.userId() == null ? -1L : actor.userId());
        }
        if (condition.contains(":teams")) {
            p.put("teams", myTeams.isEmpty() ? List.of(-1L) : myTeams);
        }
        p.put("statuses", InboxCriteria.ACTIVE.stream().map(Enum::name).toList());
        p.put("cap", ViewCounts.CAP);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM conversation c WHERE c.workspace_id = :ws AND c.status IN (:statuses)"
                        + condition + visible + " FETCH FIRST :cap ROWS ONLY) t")
                .params(p).query(Long.class).single();
    }

    /** Whether the actor's role lets them open this conversation (see the class comment). */
    public boolean canSee(Conversation c, List<Long> myTeams, Actor actor) {
        if (c.workspaceId() != actor.workspace()) {
            return false;
        }
        if (actor.can(Role.SUPERVISOR) || c.assigneeId() == null || c.assigneeId().equals(actor.userId())
                || (c.teamId() != null && myTeams.contains(c.teamId()))) {
            return true;
        }
        return actor.userId() != null && jdbc.sql(
                        "SELECT COUNT(*) FROM note_mention WHERE workspace_id = ? AND conversation_id = ? AND user_id = ?")
                .params(c.workspaceId(), c.id(), actor.userId()).query(Long.class).single() > 0;
    }

    /** Every message with this customer, in every conversation and channel, newest first. */
    public List<HistoryItem> customerHistory(long customerId, int limit, Actor actor) {
        return jdbc.sql("""
                SELECT m.id, m.conversation_id, c.channel, c.subject, m.direction, m.visibility, m.body, m.created_at
                FROM message m JOIN conversation c ON c.id = m.conversation_id
                WHERE c.workspace_id = ? AND c.customer_id = ? ORDER BY m.created_at DESC, m.id DESC
                FETCH FIRST ? ROWS ONLY""")
                .params(actor.workspace(), customerId, limit)
                .query((rs, n) -> new HistoryItem(rs.getLong("id"), rs.getLong("conversation_id"),
                        ChannelType.valueOf(rs.getString("channel")), rs.getString("subject"),
                        Direction.valueOf(rs.getString("direction")), Visibility.valueOf(rs.getString("visibility")),
                        rs.getString("body"), Sql.instant(rs, "created_at")))
                .list();
    }

    private static String where(long ws, InboxCriteria f, List<Long> myTeams, Actor actor, Map<String, Object> p) {
        var sql = new StringBuilder("c.workspace_id = :ws");
        p.put("ws", ws);
        Long me = actor.userId() == null ? -1L : actor.userId();
        switch (f.view() == null ? InboxCriteria.View.ALL : f.view()) {
            case MINE -> {
                sql.append(" AND c.assignee_id = :me");
                p.put("me", me);
            }
            case UNASSIGNED -> sql.append(" AND c.assignee_id IS NULL");
            case TEAMS -> {
                sql.append(" AND c.team_id IN (:myTeams)");
                p.put("myTeams", myTeams.isEmpty() ? List.of(-1L) : myTeams);
            }
            case MENTIONS -> {
                sql.append(" AND EXISTS (SELECT 1 FROM note_mention nm WHERE nm.conversation_id = c.id AND nm.user_id = :me)");
                p.put("me", me);
            }
            case ALL -> {
            }
        }
        sql.append(visibility(myTeams, actor, p));
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            sql.append(" AND c.status IN (:statuses)");
            p.put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.channel() != null) {
            sql.append(" AND c.channel = :channel");
            p.put("channel", f.channel().name());
        }
        if (f.inboxId() != null) {
            sql.append(" AND c.inbox_id = :inbox");
            p.put("inbox", f.inboxId());
        }
        if (f.priority() != null) {
            sql.append(" AND c.priority = :priority");
            p.put("priority", f.priority().name());
        }
        if (f.assigneeId() != null) {
            sql.append(" AND c.assignee_id = :assignee");
            p.put("assignee", f.assigneeId());
        }
        if (f.teamId() != null) {
            sql.append(" AND c.team_id = :team");
            p.put("team", f.teamId());
        }
        if (f.sentiment() != null && !f.sentiment().isBlank()) {
            // The analysis module stores labels in lower case ("negative"); compare without case.
            sql.append(" AND UPPER(c.sentiment) = :sentiment");
            p.put("sentiment", f.sentiment().strip().toUpperCase(Locale.ROOT));
        }
        if (f.tag() != null && !f.tag().isBlank()) {
            sql.append(" AND EXISTS (SELECT 1 FROM conversation_tag t WHERE t.conversation_id = c.id AND t.tag = :tag)");
            p.put("tag", f.tag().strip().toLowerCase(Locale.ROOT));
        }
        if (f.slaState() != null && !f.slaState().isBlank()) {
            sql.append(slaCondition(f.slaState().strip().toUpperCase(Locale.ROOT)));
            p.put("slaNow", Sql.ts(java.time.Instant.now()));
        }
        if (f.search() != null && !f.search().isBlank()) {
            // Substring search, portable between H2 and PostgreSQL; PostgreSQL deployments can back it with pg_trgm.
            sql.append("""
                     AND (LOWER(c.subject) LIKE :q ESCAPE '!'
                      OR EXISTS (SELECT 1 FROM customer cu WHERE cu.id = c.customer_id AND LOWER(cu.name) LIKE :q ESCAPE '!')
                      OR EXISTS (SELECT 1 FROM customer_identity ci WHERE ci.customer_id = c.customer_id
                                 AND (LOWER(ci.identity_value) LIKE :q ESCAPE '!' OR LOWER(ci.handle) LIKE :q ESCAPE '!' OR LOWER(ci.display_name) LIKE :q ESCAPE '!'))
                      OR EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND LOWER(m.body) LIKE :q ESCAPE '!'))""");
            p.put("q", "%" + escapeLike(f.search().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (f.after() != null && (f.sort() == null || f.sort() == InboxCriteria.Sort.NEWEST)) {
            sql.append(" AND (c.last_message_at < :afterAt OR (c.last_message_at = :afterAt AND c.id < :afterId))");
            p.put("afterAt", Sql.ts(f.after().lastMessageAt()));
            p.put("afterId", f.after().id());
        }
        return sql.toString();
    }

    /**
     * The SLA states the inbox filters on, read from the sla module's timers (a read-only join: the sla module owns
     * {@code sla_timer} and writes it; {@code SlaService.stateOf} gives the same states for display).
     * BREACHED: a timer breached, or running past its due time (before the scheduler marks it); AT_RISK: not
     * breached, and a running timer is inside its policy's warning period; ON_TRACK: timers running or paused,
     * none at risk or breached.
     */
    private static String slaCondition(String state) {
        String breached = "EXISTS (SELECT 1 FROM sla_timer sb WHERE sb.conversation_id = c.id AND (sb.status = 'BREACHED'"
                + " OR (sb.status = 'RUNNING' AND sb.due_at <= :slaNow)))";
        String atRisk = "EXISTS (SELECT 1 FROM sla_timer sr WHERE sr.conversation_id = c.id AND sr.status = 'RUNNING'"
                + " AND sr.warned = TRUE)";
        String running = "EXISTS (SELECT 1 FROM sla_timer so WHERE so.conversation_id = c.id AND so.status IN ('RUNNING', 'PAUSED'))";
        return switch (state) {
            case "BREACHED" -> " AND " + breached;
            case "AT_RISK" -> " AND NOT " + breached + " AND " + atRisk;
            case "ON_TRACK" -> " AND " + running + " AND NOT " + breached + " AND NOT " + atRisk;
            default -> throw new dev.conversa.kernel.InvalidInputException("sla", "SLA state is ON_TRACK, AT_RISK or BREACHED");
        };
    }

    private static String visibility(List<Long> myTeams, Actor actor, Map<String, Object> p) {
        if (actor.can(Role.SUPERVISOR)) {
            return "";
        }
        p.put("vme", actor.userId() == null ? -1L : actor.userId());
        p.put("vteams", myTeams.isEmpty() ? List.of(-1L) : myTeams);
        return " AND (c.assignee_id IS NULL OR c.assignee_id = :vme OR c.team_id IN (:vteams)"
                + " OR EXISTS (SELECT 1 FROM note_mention vm WHERE vm.conversation_id = c.id AND vm.user_id = :vme))";
    }

    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private List<InboxRow> decorate(long ws, List<InboxRow> rows, Long me) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<Long> ids = rows.stream().map(InboxRow::id).toList();
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("SELECT conversation_id, tag FROM conversation_tag WHERE workspace_id = :ws AND conversation_id IN (:ids) ORDER BY tag")
                .param("ws", ws).param("ids", ids)
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM customer WHERE workspace_id = :ws AND id IN (:ids)")
                .param("ws", ws).param("ids", rows.stream().map(InboxRow::customerId).distinct().toList())
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        Map<Long, String> previews = new HashMap<>();
        List<Long> latest = jdbc.sql("SELECT MAX(id) FROM message WHERE conversation_id IN (:ids) GROUP BY conversation_id")
                .param("ids", ids).query(Long.class).list();
        if (!latest.isEmpty()) {
            jdbc.sql("SELECT conversation_id, body FROM message WHERE id IN (:latest)").param("latest", latest)
                    .query(rs -> {
                        previews.put(rs.getLong(1), abbreviate(rs.getString(2)));
                    });
        }
        Set<Long> mentioned = new HashSet<>();
        if (me != null) {
            mentioned.addAll(jdbc.sql("""
                    SELECT DISTINCT conversation_id FROM note_mention
                    WHERE workspace_id = :ws AND user_id = :me AND read_at IS NULL AND conversation_id IN (:ids)""")
                    .param("ws", ws).param("me", me).param("ids", ids).query(Long.class).list());
        }
        Map<Long, InboxRow> out = new LinkedHashMap<>();
        for (InboxRow r : rows) {
            out.put(r.id(), new InboxRow(r.id(), r.inboxId(), r.channel(), r.customerId(), names.get(r.customerId()), r.subject(),
                    r.status(), r.priority(), r.assigneeId(), r.teamId(), r.sentiment(),
                    List.copyOf(tags.getOrDefault(r.id(), List.of())), r.messageCount(), r.lastMessageAt(), r.waitingSince(),
                    previews.get(r.id()), mentioned.contains(r.id())));
        }
        return List.copyOf(out.values());
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return null;
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= PREVIEW ? flat : flat.substring(0, PREVIEW - 1) + "…";
    }

    private static InboxRow row(ResultSet rs, int n) throws SQLException {
        return new InboxRow(rs.getLong("id"), rs.getLong("inbox_id"), ChannelType.valueOf(rs.getString("channel")),
                rs.getLong("customer_id"), null, rs.getString("subject"),
                ConversationStatus.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
                Sql.longOrNull(rs, "assignee_id"), Sql.longOrNull(rs, "team_id"), rs.getString("sentiment"), List.of(),
                rs.getInt("message_count"), Sql.instant(rs, "last_message_at"), Sql.instant(rs, "waiting_since"), null, false);
    }
}
