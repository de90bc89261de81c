package dev.conversa.mention;

import dev.conversa.kernel.Sql;
import dev.conversa.mention.TopicFigures.AuthorFigure;
import dev.conversa.mention.TopicFigures.Count;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL aggregations behind a topic's figures, the same on H2 and PostgreSQL. Every query starts from the topic's
 * distinct posts in the range: its queries' mentions grouped by (source, external id), so a post two queries of the
 * topic matched counts once.
 */
@Repository
class TopicFigureStore {
    /** One row per post of the topic: {@code :ws}, {@code :topic}, {@code :from}, {@code :to}. */
    private static final String POSTS = """
            WITH post AS (
                SELECT m.source, m.external_id, MIN(m.id) AS id, MAX(m.author) AS author,
                       MAX(m.author_followers) AS followers, MAX(m.sentiment) AS sentiment, MAX(m.language) AS language,
                       MIN(m.posted_at) AS posted_at
                FROM mention m JOIN listening_topic_query tq ON tq.query_id = m.query_id
                WHERE m.workspace_id = :ws AND tq.topic_id = :topic AND m.posted_at >= :from AND m.posted_at < :to
                GROUP BY m.source, m.external_id)
            """;

    private final JdbcClient jdbc;

    TopicFigureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Volume, reach and sentiment of the topic's posts. */
    record Totals(long volume, long reach, long withFollowers, long positive, long neutral, long negative) {
    }

    Totals totals(long ws, long topic, Instant from, Instant to) {
        return sql(POSTS + """
                SELECT COUNT(*) AS volume, COALESCE(SUM(followers), 0) AS reach, COUNT(followers) AS known,
                       COALESCE(SUM(CASE WHEN sentiment = 'POSITIVE' THEN 1 ELSE 0 END), 0) AS positive,
                       COALESCE(SUM(CASE WHEN sentiment = 'NEUTRAL' THEN 1 ELSE 0 END), 0) AS neutral,
                       COALESCE(SUM(CASE WHEN sentiment = 'NEGATIVE' THEN 1 ELSE 0 END), 0) AS negative
                FROM post""", ws, topic, from, to)
                .query((rs, n) -> new Totals(rs.getLong("volume"), rs.getLong("reach"), rs.getLong("known"),
                        rs.getLong("positive"), rs.getLong("neutral"), rs.getLong("negative")))
                .single();
    }

    /** Posts per language or per source, most first. */
    List<Count> countsBy(long ws, long topic, Instant from, Instant to, String column) {
        if (!column.equals("language") && !column.equals("source")) {
            throw new IllegalArgumentException(column);
        }
        return sql(POSTS + "SELECT " + column + " AS k, COUNT(*) AS posts FROM post GROUP BY " + column
                + " ORDER BY posts DESC, k", ws, topic, from, to)
                .query((rs, n) -> new Count(rs.getString("k"), rs.getLong("posts"))).list();
    }

    List<AuthorFigure> topAuthors(long ws, long topic, Instant from, Instant to, int limit) {
        return sql(POSTS + """
                SELECT author, COUNT(*) AS posts, MAX(followers) AS followers FROM post WHERE author IS NOT NULL
                GROUP BY author ORDER BY posts DESC, followers DESC NULLS LAST, author
                FETCH FIRST %d ROWS ONLY""".formatted(limit), ws, topic, from, to)
                .query((rs, n) -> new AuthorFigure(rs.getString("author"), rs.getLong("posts"),
                        Sql.longOrNull(rs, "followers")))
                .list();
    }

    /** The posts of the largest reach (one mention row each). */
    List<Mention> topPosts(long ws, long topic, Instant from, Instant to, int limit) {
        return sql(POSTS + """
                SELECT m.* FROM post p JOIN mention m ON m.id = p.id
                ORDER BY p.followers DESC NULLS LAST, p.posted_at DESC, m.id DESC
                FETCH FIRST %d ROWS ONLY""".formatted(limit), ws, topic, from, to)
                .query(MentionStore::mention).list();
    }

    /** The topic's posts in the range whose text contains {@code term} (lower case), most followed first; at most 200. */
    List<Mention> postsWith(long ws, long topic, Instant from, Instant to, String term) {
        String like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return sql(POSTS + """
                SELECT m.* FROM post p JOIN mention m ON m.id = p.id WHERE LOWER(m.body) LIKE :like ESCAPE '\\'
                ORDER BY p.followers DESC NULLS LAST, p.posted_at DESC, m.id DESC
                FETCH FIRST 200 ROWS ONLY""", ws, topic, from, to).param("like", like)
                .query(MentionStore::mention).list();
    }

    /** The topic's posts in the range by authors with at least {@code followers} followers, most followed first. */
    List<Mention> postsByFollowed(long ws, long topic, Instant from, Instant to, long followers) {
        return sql(POSTS + """
                SELECT m.* FROM post p JOIN mention m ON m.id = p.id WHERE p.followers >= :followers
                ORDER BY p.followers DESC, p.posted_at DESC, m.id DESC
                FETCH FIRST 200 ROWS ONLY""", ws, topic, from, to).param("followers", followers)
                .query(MentionStore::mention).list();
    }

    /** Posts and negative posts per bucket, by bucket number ({@link TrendInterval#bucketOf}); empty buckets absent. */
    Map<Long, long[]> trend(long ws, long topic, Instant from, Instant to, TrendInterval interval) {
        // EXTRACT(EPOCH ...) is an instant's seconds on both databases whatever the session's time zone
        String bucket = "FLOOR((EXTRACT(EPOCH FROM posted_at) - %d) / %d)".formatted(interval.offset, interval.seconds);
        Map<Long, long[]> out = new LinkedHashMap<>();
        sql(POSTS + """
                SELECT b, COUNT(*) AS posts, COALESCE(SUM(neg), 0) AS negative FROM (
                    SELECT %s AS b, CASE WHEN sentiment = 'NEGATIVE' THEN 1 ELSE 0 END AS neg FROM post) x
                GROUP BY b ORDER BY b""".formatted(bucket), ws, topic, from, to)
                .query((rs, n) -> out.put(rs.getLong("b"), new long[] {rs.getLong("posts"), rs.getLong("negative")}))
                .list();
        return out;
    }

    /** The texts of the topic's most recent posts, for its top terms. */
    List<String> recentBodies(long ws, long topic, Instant from, Instant to, int limit) {
        return sql(POSTS + """
                SELECT m.body FROM post p JOIN mention m ON m.id = p.id ORDER BY p.posted_at DESC, m.id DESC
                FETCH FIRST %d ROWS ONLY""".formatted(limit), ws, topic, from, to)
                .query(String.class).list();
    }

    private JdbcClient.StatementSpec sql(String sql, long ws, long topic, Instant from, Instant to) {
        return jdbc.sql(sql).param("ws", ws).param("topic", topic).param("from", Sql.ts(from)).param("to", Sql.ts(to));
    }
}
