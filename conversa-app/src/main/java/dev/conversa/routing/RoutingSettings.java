package dev.conversa.routing;

import dev.conversa.kernel.Media;

/**
 * A workspace's routing setup. With {@link ContactCenterModel#SPECIALISED} or {@code MIXED}, each media goes to its
 * team; after {@code overflowSeconds} waiting it may also go to {@code overflowTeamId} ({@code null}: anyone).
 *
 * @param vipFollowers authors with at least this many followers count as influential (priority HIGH)
 */
public record RoutingSettings(ContactCenterModel model, Strategy strategy, Long callTeamId, Long chatTeamId,
                              Long socialTeamId, Long emailTeamId, Long overflowTeamId, Integer overflowSeconds,
                              long vipFollowers) {

    Long teamFor(Media media) {
        if (model == ContactCenterModel.UNIVERSAL) {
            return null;
        }
        return switch (media) {
            case CALL -> callTeamId;
            case CHAT -> chatTeamId;
            case SOCIAL -> socialTeamId;
            case EMAIL -> emailTeamId;
        };
    }
}
