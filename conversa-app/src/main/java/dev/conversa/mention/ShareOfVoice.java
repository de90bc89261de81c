package dev.conversa.mention;

import java.time.Instant;
import java.util.List;

/**
 * A brand topic against each competitor topic of its workspace over [from, to). A share is the brand's part of the
 * pair, {@code brand / (brand + competitor)}, by posts, by reach and by negative posts; {@code null} when both are 0.
 *
 * @param overall the brand's part against all the competitors together
 */
public record ShareOfVoice(long brandTopicId, String brand, Instant from, Instant to, Totals brandTotals,
                           List<Rival> competitors, Shares overall) {

    public record Totals(long mentions, long reach, long negative) {
    }

    public record Rival(long topicId, String name, Totals totals, Shares brandShare) {
    }

    public record Shares(Double mentions, Double reach, Double negative) {
        static Shares of(Totals brand, Totals other) {
            return new Shares(share(brand.mentions(), other.mentions()), share(brand.reach(), other.reach()),
                    share(brand.negative(), other.negative()));
        }

        private static Double share(long brand, long other) {
            return brand + other == 0 ? null : (double) brand / (brand + other);
        }
    }
}
