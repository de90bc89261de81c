package dev.conversa.conversation;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.Role;
import dev.conversa.kernel.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Canned responses of a workspace, found by shortcut or title, with {@code {{placeholders}}} filled in. */
@Service
public class CannedResponseService {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z]+(?:\\.[a-zA-Z]+)*)\\s*}}");

    private final JdbcClient jdbc;

    CannedResponseService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CannedResponse> search(String query, Actor actor) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT).replaceFirst("^/", "");
        return jdbc.sql("""
                SELECT id, shortcut, title, body FROM canned_response
                WHERE workspace_id = ? AND (LOWER(shortcut) LIKE ? OR LOWER(title) LIKE ?)
                ORDER BY shortcut FETCH FIRST 20 ROWS ONLY""")
                .params(actor.workspace(), q + "%", "%" + q + "%")
                .query((rs, n) -> new CannedResponse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public java.util.Optional<CannedResponse> find(long id, Actor actor) {
        return jdbc.sql("SELECT id, shortcut, title, body FROM canned_response WHERE workspace_id = ? AND id = ?")
                .params(actor.workspace(), id)
                .query((rs, n) -> new CannedResponse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Supervisors and admins maintain the workspace's canned responses. */
    public CannedResponse create(String shortcut, String title, String body, Actor actor) {
        actor.require(Role.SUPERVISOR);
        return createUnchecked(actor.workspace(), shortcut, title, body);
    }

    /** For start-up tasks (the demo workspace) and tests. */
    public CannedResponse createUnchecked(long workspaceId, String shortcut, String title, String body) {
        String s = shortcut == null ? "" : shortcut.strip().toLowerCase(Locale.ROOT).replaceFirst("^/", "");
        if (!s.matches("[a-z0-9_-]{1,64}")) {
            throw new InvalidInputException("shortcut", "shortcuts have 1-64 letters, digits, '-' or '_'");
        }
        if (title == null || title.isBlank() || body == null || body.isBlank()) {
            throw new InvalidInputException("body", "title and body are required");
        }
        try {
            jdbc.sql("INSERT INTO canned_response (workspace_id, shortcut, title, body, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(workspaceId, s, title.strip(), body, Sql.ts(Instant.now())).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("shortcut", "shortcut /" + s + " already exists");
        }
        return jdbc.sql("SELECT id, shortcut, title, body FROM canned_response WHERE workspace_id = ? AND shortcut = ?")
                .params(workspaceId, s)
                .query((rs, n) -> new CannedResponse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
    }

    /** Replaces each {@code {{name}}} with its value; unknown placeholders are left as written so the agent sees them. */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
