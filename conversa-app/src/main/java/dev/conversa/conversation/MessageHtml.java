package dev.conversa.conversation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The formatted (HTML) version of a message, kept beside its plain-text body for channels whose messages carry
 * formatting (email). Only sanitised HTML is ever stored or returned: an allow-list of text formatting and links
 * ({@link #SAFELIST}), so no scripts, event handlers, styles, forms, frames or images (remote images would tell
 * the sender when and where the mail was read). The plain body stays the message's content for search, previews,
 * analysis and every channel that shows text.
 */
@Service
public class MessageHtml {
    /** Jsoup's basic list (text formatting, lists, quotes, links) without images; links get {@code rel=nofollow}. */
    public static final Safelist SAFELIST = Safelist.basic().addTags("h1", "h2", "h3", "h4", "hr", "table", "thead",
            "tbody", "tr", "td", "th");
    static final int MAX = 500_000;

    private final JdbcClient jdbc;

    MessageHtml(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sanitises untrusted HTML with {@link #SAFELIST}; {@code null} or blank gives {@code null}. */
    public static String sanitise(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        String clean = Jsoup.clean(html, "", SAFELIST, out).strip();
        return clean.isEmpty() ? null : clean;
    }

    /** Keeps the sanitised HTML of a stored message (sanitised again here, whatever the caller did). */
    public void store(long workspaceId, long messageId, String html) {
        String clean = sanitise(html);
        if (clean == null || clean.length() > MAX) {
            return;
        }
        int updated = jdbc.sql("UPDATE message_html SET html = ? WHERE message_id = ? AND workspace_id = ?")
                .params(clean, messageId, workspaceId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO message_html (message_id, workspace_id, html) VALUES (?, ?, ?)")
                    .params(messageId, workspaceId, clean).update();
        }
    }

    /** The stored HTML of those messages that have one, by message id. */
    public Map<Long, String> find(long workspaceId, Collection<Long> messageIds) {
        Map<Long, String> out = new HashMap<>();
        if (messageIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT message_id, html FROM message_html WHERE workspace_id = :ws AND message_id IN (:ids)")
                .param("ws", workspaceId).param("ids", messageIds)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }
}
