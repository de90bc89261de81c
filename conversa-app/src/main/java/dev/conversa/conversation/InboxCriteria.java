package dev.conversa.conversation;

import dev.conversa.kernel.ChannelType;
import java.time.Instant;
import java.util.List;

/**
 * What the console's inbox shows: a view, filters ({@code null} does not filter), a sort and where the page starts.
 *
 * @param search    words to find in messages, subjects, customer names and identities
 * @param slaState  ON_TRACK, AT_RISK or BREACHED, from the sla module's timers (see {@link InboxQuery})
 * @param after     keyset cursor for the newest-first order: the last row of the previous page
 */
public record InboxCriteria(View view, List<ConversationStatus> statuses, ChannelType channel, Long inboxId,
                            Priority priority, String tag, Long assigneeId, Long teamId, String sentiment,
                            String slaState, String search, Sort sort, Cursor after, int limit) {

    /** The inbox views an agent switches between. */
    public enum View {
        MINE, UNASSIGNED, TEAMS, ALL, MENTIONS
    }

    public enum Sort {
        NEWEST, OLDEST_WAITING, PRIORITY, SLA_DUE
    }

    /** Position after a row in the newest-first order. */
    public record Cursor(Instant lastMessageAt, long id) {
    }

    /** Conversations still being worked on: the default status filter. */
    public static final List<ConversationStatus> ACTIVE = List.of(ConversationStatus.OPEN, ConversationStatus.PENDING);

    public static InboxCriteria of(View view) {
        return new InboxCriteria(view, ACTIVE, null, null, null, null, null, null, null, null, null, Sort.NEWEST, null, 50);
    }
}
