package dev.conversa.mention;

import java.time.Instant;
import java.util.List;

/**
 * An alert rule of a topic: each hour's count (posts, or negative posts) against the same hour of the week over the
 * last {@code baselineWeeks} weeks, by a robust z-score (see {@link SeasonalBaseline}).
 *
 * @param threshold       the robust z-score at or above which the hour is a spike
 * @param minCount        an hour with fewer posts than this never fires, however quiet the baseline
 * @param cooldownMinutes after firing, the rule stays quiet this long (a spike lasting hours fires once)
 * @param emailTo         addresses the alert is mailed to (empty: no email)
 * @param webhookUrl      where the alert is POSTed, signed with {@code X-Conversa-Signature} ({@code null}: none)
 * @param webhookSecret   the HMAC-SHA256 key of the signature; shown when the rule is created only
 * @param term            the KEYWORD rule's term, matched case-insensitively in the posts' text ({@code null} otherwise)
 * @param minFollowers    the INFLUENCER rule's follower threshold ({@code null} otherwise)
 */
public record AlertRule(long id, long topicId, AlertKind kind, int baselineWeeks, double threshold, int minCount,
                        int cooldownMinutes, List<String> emailTo, String webhookUrl, String webhookSecret,
                        Instant createdAt, Instant lastFiredAt, String term, Long minFollowers) {

    AlertRule withoutSecret() {
        return new AlertRule(id, topicId, kind, baselineWeeks, threshold, minCount, cooldownMinutes, emailTo, webhookUrl,
                null, createdAt, lastFiredAt, term, minFollowers);
    }
}
