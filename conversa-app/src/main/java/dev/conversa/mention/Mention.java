package dev.conversa.mention;

import java.time.Instant;
import java.util.List;

/**
 * A public post that matched one of the workspace's standing queries.
 *
 * @param highlights what matched, as char offsets into {@code body} with the text they cover
 * @param sentiment      NEGATIVE, NEUTRAL or POSITIVE, from the workspace's model or the shipped default
 * @param conversationId the case opened from this mention, {@code null} until an agent opens one
 * @param authorFollowers the author's followers when the source said, else {@code null}
 * @param reposts        how many times the post was reposted (Bluesky), each counted here rather than as a mention
 * @param quotes         how many posts quoted it, likewise
 */
public record Mention(long id, long queryId, String source, String externalId, String author, String authorId, String url,
                      String body, List<Highlight> highlights, String language, String sentiment,
                      Double sentimentConfidence, Instant postedAt, Instant createdAt, Long conversationId,
                      Long authorFollowers, int reposts, int quotes) {

    public record Highlight(int start, int end, String text) {
    }
}
