package dev.conversa.mention;

import java.time.Instant;
import java.util.List;

/**
 * What was said about a topic over [from, to): each figure counts the topic's distinct posts (a post matched by two of
 * its queries is one post).
 *
 * @param reach        the sum of the followers of each post's author, over the posts whose source gave them
 * @param withFollowers how many of the posts had a follower count (reach covers only those)
 * @param netSentiment (positive − negative) / (positive + negative), {@code null} when there is neither
 * @param topTerms     words and hashtags by the number of posts that use them (stop words left out)
 * @param topPosts     the posts of the largest reach, most recent first among equals
 * @param trend        one bucket per interval from the one holding {@code from}, empty buckets included
 */
public record TopicFigures(long topicId, String name, TopicKind kind, Instant from, Instant to, TrendInterval interval,
                           long volume, long reach, long withFollowers, long positive, long neutral, long negative,
                           Double netSentiment, List<Count> topTerms, List<AuthorFigure> topAuthors, List<Mention> topPosts,
                           List<Count> languages, List<Count> sources, List<Bucket> trend) {

    /** A value and how many posts have it; {@code key} is {@code null} for posts without one (no language). */
    public record Count(String key, long posts) {
    }

    /** @param followers the largest follower count seen for the author, {@code null} when no source gave one */
    public record AuthorFigure(String author, long posts, Long followers) {
    }

    public record Bucket(Instant start, long volume, long negative) {
    }

    /** (positive − negative) / (positive + negative), {@code null} when both are 0. */
    static Double netSentiment(long positive, long negative) {
        return positive + negative == 0 ? null : (double) (positive - negative) / (positive + negative);
    }
}
