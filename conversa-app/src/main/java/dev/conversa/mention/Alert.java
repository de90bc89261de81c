package dev.conversa.mention;

import dev.conversa.mention.TopicFigures.AuthorFigure;
import dev.conversa.mention.TopicFigures.Count;
import java.time.Instant;
import java.util.List;

/**
 * An alert a rule raised, with what explains it: the hour's count against the band the baseline expected, and what
 * was said in that hour.
 *
 * @param observed  the hour's posts (or negative posts, for a negative surge)
 * @param expected  the baseline's median
 * @param bandLow   the lowest count of the expected band: median − threshold × scale, at least 0
 * @param bandHigh  the highest: median + threshold × scale; the hour fired because it was above it
 * @param baseline  the same hour's counts in the past weeks, most recent first
 * @param samples   the hour's posts of the largest reach (at most 3)
 */
public record Alert(long id, long ruleId, long topicId, String topicName, AlertKind kind, Instant windowStart,
                    Instant windowEnd, long observed, double expected, double bandLow, double bandHigh, double zScore,
                    List<Long> baseline, List<Count> topTerms, List<AuthorFigure> topAuthors, List<Sample> samples,
                    Instant firedAt, String emailStatus, String webhookStatus) {

    public record Sample(long mentionId, String author, String text, String url) {
    }

    /** One line for a subject or a feed entry's title. */
    public String headline() {
        if (kind == AlertKind.INFLUENCER) {
            return "Influencer on " + topicName + ": " + observed + " posts by widely followed authors in the hour from "
                    + windowStart;
        }
        if (kind == AlertKind.KEYWORD) {
            return "Keyword on " + topicName + ": " + observed + " posts with the term in the hour from " + windowStart;
        }
        return (kind == AlertKind.SPIKE ? "Spike" : "Negative surge") + " on " + topicName + ": " + observed
                + (kind == AlertKind.SPIKE ? " posts" : " negative posts") + " in the hour from " + windowStart
                + " (expected " + Math.round(bandLow) + "–" + Math.round(bandHigh) + ")";
    }
}
