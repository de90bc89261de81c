package dev.conversa.conversation;

import dev.conversa.kernel.Sql;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@code @mentions} in internal notes: who was named, and whether they have seen it. */
@Service
public class NoteMentions {
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.])@([\\p{L}\\p{N}._-]{2,64})");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    NoteMentions(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The handles written after {@code @} in a note, lowercased, in order of appearance. */
    public static Set<String> handles(String body) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(body == null ? "" : body);
        while (m.find()) {
            out.add(m.group(1).toLowerCase(java.util.Locale.ROOT).replaceAll("[.]+$", ""));
        }
        return out;
    }

    /** Records that a note names these agents (the caller checks they belong to the workspace) and notifies them. */
    @Transactional
    public void record(long workspaceId, long conversationId, long noteId, Collection<Long> userIds, Long authorId) {
        for (Long userId : new LinkedHashSet<>(userIds)) {
            jdbc.sql("""
                    INSERT INTO note_mention (workspace_id, conversation_id, note_id, user_id, author_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(workspaceId, conversationId, noteId, userId, authorId, Sql.ts(Instant.now())).update();
            events.publishEvent(new MentionEvents.AgentMentioned(workspaceId, conversationId, noteId, userId, authorId));
        }
    }

    /** The agent opened the conversation: its mentions of them are read. */
    public void markRead(long workspaceId, long conversationId, long userId) {
        jdbc.sql("""
                UPDATE note_mention SET read_at = ? WHERE workspace_id = ? AND conversation_id = ? AND user_id = ? AND read_at IS NULL""")
                .params(Sql.ts(Instant.now()), workspaceId, conversationId, userId).update();
    }
}
