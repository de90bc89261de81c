package dev.conversa.mention;

import dev.conversa.kernel.Sql;
import dev.conversa.listening.Highlight;
import dev.conversa.listening.ListeningQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for standing queries and mentions. */
@Repository
class MentionStore {
    private final JdbcClient jdbc;

    MentionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertQuery(long ws, String name, String query) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO listening_query (workspace_id, name, query_text, created_at) VALUES (?, ?, ?, ?)")
                .params(ws, name, query, Sql.ts(Instant.now())).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<StandingQuery> query(long ws, long id) {
        return jdbc.sql("SELECT * FROM listening_query WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL")
                .params(ws, id).query(MentionStore::query).optional();
    }

    /** Deleted queries included: their mentions stay readable. */
    boolean queryExists(long ws, long id) {
        return jdbc.sql("SELECT COUNT(*) FROM listening_query WHERE workspace_id = ? AND id = ?").params(ws, id)
                .query(Long.class).single() > 0;
    }

    List<StandingQuery> queries(long ws) {
        return jdbc.sql("SELECT * FROM listening_query WHERE workspace_id = ? AND deleted_at IS NULL ORDER BY id")
                .param(ws).query(MentionStore::query).list();
    }

    /** Every workspace's active queries, for the matcher: no {@code requires} text (that would parse each one again). */
    List<StandingQuery> activeQueries() {
        return jdbc.sql("SELECT id, workspace_id, name, query_text, created_at FROM listening_query WHERE deleted_at IS NULL ORDER BY id")
                .query((rs, n) -> new StandingQuery(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("name"),
                        rs.getString("query_text"), null, Sql.instant(rs, "created_at")))
                .list();
    }

    boolean deleteQuery(long ws, long id) {
        return jdbc.sql("UPDATE listening_query SET deleted_at = ? WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL")
                .params(Sql.ts(Instant.now()), ws, id).update() == 1;
    }

    /**
     * Stores a mention unless this query already has this post; answers whether it was stored. Each insert commits
     * on its own, so a redelivery racing the first delivery loses nothing but its own duplicate row.
     */
    boolean insertMention(long ws, long queryId, PublicPost post, String text, List<Highlight> highlights, String language,
                          String sentiment, Double confidence, Instant postedAt) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM mention WHERE query_id = ? AND source = ? AND external_id = ?")
                .params(queryId, post.source(), post.externalId()).query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        try {
            return jdbc.sql("""
                    INSERT INTO mention (workspace_id, query_id, source, external_id, author, author_id, url, body, highlights,
                        language, sentiment, sentiment_confidence, posted_at, created_at, author_followers)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(ws, queryId, post.source(), post.externalId(), post.author(), post.authorId(), post.url(), text,
                            highlights.stream().map(h -> h.start() + "-" + h.end()).collect(Collectors.joining(",")),
                            language, sentiment, confidence, Sql.ts(postedAt), Sql.ts(Instant.now()), post.authorFollowers())
                    .update() == 1;
        } catch (DuplicateKeyException race) {
            return false;
        }
    }

    List<Mention> mentions(long ws, Long queryId, String sentiment, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(ws, queryId, sentiment, params);
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql("SELECT * FROM mention WHERE " + where
                        + " ORDER BY posted_at DESC, id DESC OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
                .params(params).query(MentionStore::mention).list();
    }

    long countMentions(long ws, Long queryId, String sentiment) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM mention WHERE " + where(ws, queryId, sentiment, params))
                .params(params).query(Long.class).single();
    }

    /** The filter the list and its count share; {@code null} filters nothing. */
    private static String where(long ws, Long queryId, String sentiment, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("workspace_id = :ws");
        params.put("ws", ws);
        if (queryId != null) {
            where.append(" AND query_id = :query");
            params.put("query", queryId);
        }
        if (sentiment != null) {
            where.append(" AND sentiment = :sentiment");
            params.put("sentiment", sentiment);
        }
        return where.toString();
    }

    Optional<Mention> mention(long ws, long id) {
        return jdbc.sql("SELECT * FROM mention WHERE workspace_id = ? AND id = ?").params(ws, id)
                .query(MentionStore::mention).optional();
    }

    /** Whether any workspace has a mention of this post. */
    boolean mentioned(String source, String externalId) {
        return jdbc.sql("SELECT COUNT(*) FROM mention WHERE source = ? AND external_id = ?").params(source, externalId)
                .query(Long.class).single() > 0;
    }

    /**
     * Counts a repost or quote on every mention of the original post, once per share: a share delivered again finds
     * its row and counts nothing. Answers whether it was counted. Two statements, each committing on its own (a
     * failed insert would abort a PostgreSQL transaction): a crash between them loses that one count.
     */
    boolean share(String source, String shareId, String originalId, boolean quote) {
        try {
            jdbc.sql("INSERT INTO mention_share (source, share_id, original_id, kind, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(source, shareId, originalId, quote ? "QUOTE" : "REPOST", Sql.ts(Instant.now())).update();
        } catch (DuplicateKeyException again) {
            return false;
        }
        String column = quote ? "quote_count" : "repost_count";
        jdbc.sql("UPDATE mention SET " + column + " = " + column + " + 1 WHERE source = ? AND external_id = ?")
                .params(source, originalId).update();
        return true;
    }

    void linkConversation(long ws, long mentionId, long conversationId) {
        jdbc.sql("UPDATE mention SET conversation_id = ? WHERE workspace_id = ? AND id = ?")
                .params(conversationId, ws, mentionId).update();
    }

    private static StandingQuery query(ResultSet rs, int n) throws SQLException {
        String text = rs.getString("query_text");
        String requires;
        try {
            requires = ListeningQuery.parse(text).explain().describe();
        } catch (IllegalArgumentException e) {
            requires = "does not parse: " + e.getMessage();
        }
        return new StandingQuery(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("name"), text, requires,
                Sql.instant(rs, "created_at"));
    }

    static Mention mention(ResultSet rs, int n) throws SQLException {
        String body = rs.getString("body");
        List<Mention.Highlight> highlights = new ArrayList<>();
        for (String span : rs.getString("highlights").split(",")) {
            if (!span.isEmpty()) {
                int dash = span.indexOf('-');
                int start = Integer.parseInt(span, 0, dash, 10);
                int end = Integer.parseInt(span, dash + 1, span.length(), 10);
                highlights.add(new Mention.Highlight(start, end, body.substring(start, end)));
            }
        }
        double confidence = rs.getDouble("sentiment_confidence");
        Double sentimentConfidence = rs.wasNull() ? null : confidence;
        return new Mention(rs.getLong("id"), rs.getLong("query_id"), rs.getString("source"), rs.getString("external_id"),
                rs.getString("author"), rs.getString("author_id"), rs.getString("url"), body, highlights,
                rs.getString("language"), rs.getString("sentiment"), sentimentConfidence, Sql.instant(rs, "posted_at"),
                Sql.instant(rs, "created_at"), Sql.longOrNull(rs, "conversation_id"), Sql.longOrNull(rs, "author_followers"),
                rs.getInt("repost_count"), rs.getInt("quote_count"));
    }
}
