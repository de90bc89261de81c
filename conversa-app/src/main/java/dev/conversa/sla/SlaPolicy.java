package dev.conversa.sla;

import dev.conversa.conversation.Priority;
import dev.conversa.kernel.ChannelType;

/**
 * Targets for one workspace, optionally narrowed to a channel and/or priority; {@code null} minutes means no target.
 * {@code calendarId} {@code null} means around the clock in the workspace's time zone.
 */
public record SlaPolicy(long id, long workspaceId, String name, ChannelType channel, Priority priority,
                        Integer firstResponseMinutes, Integer nextResponseMinutes, Integer resolutionMinutes,
                        Long calendarId, int warnBeforeMinutes, Escalation escalation) {

    Integer minutes(SlaKind kind) {
        return switch (kind) {
            case FIRST_RESPONSE -> firstResponseMinutes;
            case NEXT_RESPONSE -> nextResponseMinutes;
            case RESOLUTION -> resolutionMinutes;
        };
    }

    /** 2 when both channel and priority match, 1 for one, 0 for a catch-all; -1 when it does not apply. */
    int specificity(ChannelType ch, Priority p) {
        if ((channel != null && channel != ch) || (priority != null && priority != p)) {
            return -1;
        }
        return (channel == null ? 0 : 1) + (priority == null ? 0 : 1);
    }
}
