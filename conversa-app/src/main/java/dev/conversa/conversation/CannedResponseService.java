package dev.conversa.conversation;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
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

    /** Every canned response of the workspace, by shortcut. */
    public List<CannedResponse> list(Actor actor) {
        return jdbc.sql("SELECT id, shortcut, title, body FROM canned_response WHERE workspace_id = ? ORDER BY shortcut")
                .param(actor.workspace())
                .query((rs, n) -> new CannedResponse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Changes a canned response's shortcut, title and body (supervisors and admins). */
    public CannedResponse update(long id, String shortcut, String title, String body, Actor actor) {
        actor.require(Role.SUPERVISOR);
        find(id, actor).orElseThrow(() -> new NotFoundException("canned response", id)); // another workspace's: 404 first
        String s = validShortcut(shortcut);
        validText(title, body);
        int n;
        try {
            n = jdbc.sql("UPDATE canned_response SET shortcut = ?, title = ?, body = ? WHERE workspace_id = ? AND id = ?")
                    .params(s, title.strip(), body, actor.workspace(), id).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("shortcut", "shortcut /" + s + " already exists");
        }
        if (n == 0) {
            throw new NotFoundException("canned response", id);
        }
        return find(id, actor).orElseThrow();
    }

    public void delete(long id, Actor actor) {
        actor.require(Role.SUPERVISOR);
        if (jdbc.sql("DELETE FROM canned_response WHERE workspace_id = ? AND id = ?").params(actor.workspace(), id).update() == 0) {
            throw new NotFoundException("canned response", id);
        }
    }

    private static String validShortcut(String shortcut) {
        String s = shortcut == null ? "" : shortcut.strip().toLowerCase(Locale.ROOT).replaceFirst("^/", "");
        if (!s.matches("[a-z0-9_-]{1,64}")) {
            throw new InvalidInputException("shortcut", "shortcuts have 1-64 letters, digits, '-' or '_'");
        }
        return s;
    }

    private static void validText(String title, String body) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new InvalidInputException("title", "a title of 1 to 200 characters is required");
        }
        if (body == null || body.isBlank() || body.length() > 10_000) {
            throw new InvalidInputException("body", "a body of 1 to 10,000 characters is required");
        }
    }

    /** For start-up tasks (the demo workspace) and tests. */
    public CannedResponse createUnchecked(long workspaceId, String shortcut, String title, String body) {
        String s = validShortcut(shortcut);
        validText(title, body);
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
