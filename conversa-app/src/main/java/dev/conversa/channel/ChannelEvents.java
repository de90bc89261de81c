package dev.conversa.channel;

import dev.conversa.kernel.ChannelType;

/** Events the channel module publishes. */
public final class ChannelEvents {
    private ChannelEvents() {
    }

    public record InboxChanged(long workspaceId, long inboxId, ChannelType channel, String change, Long actorId) {
    }

    /** An inbox stopped working (expired token, wrong password): admins must act. */
    public record InboxFailed(long workspaceId, long inboxId, String error) {
    }

    /**
     * An agent hid, showed again or deleted a customer's public comment on its network. Always audited: moderating
     * reasonable criticism away is a choice the audit log shows.
     */
    public record PublicCommentModerated(long workspaceId, long inboxId, long conversationId, long messageId, String action,
                                         String externalId, String reason, Long actorId) {
    }
}
