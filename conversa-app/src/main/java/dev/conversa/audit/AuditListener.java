package dev.conversa.audit;

import dev.conversa.channel.ChannelEvents;
import dev.conversa.conversation.ConversationEvents;
import dev.conversa.customer.CustomerEvents;
import dev.conversa.workspace.WorkspaceEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records the actions people take, from the events the modules publish. Events go through the publication
 * registry, so an entry is written even if the node crashes right after the action committed.
 */
@Component
class AuditListener {
    private final AuditLog log;

    AuditListener(AuditLog log) {
        this.log = log;
    }

    @ApplicationModuleListener
    void on(WorkspaceEvents.WorkspaceCreated e) {
        log.record(e.workspaceId(), e.actorId(), "workspace.created", "workspace", e.workspaceId(), e.slug());
    }

    @ApplicationModuleListener
    void on(WorkspaceEvents.UserCreated e) {
        log.record(e.workspaceId(), e.actorId(), "user.created", "user", e.userId(), e.email() + " as " + e.role());
    }

    @ApplicationModuleListener
    void on(WorkspaceEvents.UserUpdated e) {
        log.record(e.workspaceId(), e.actorId(), "user.updated", "user", e.userId(), e.change());
    }

    @ApplicationModuleListener
    void on(WorkspaceEvents.AgentStatusChanged e) {
        log.record(e.workspaceId(), e.actorId(), "agent.status", "user", e.userId(), e.status().name());
    }

    @ApplicationModuleListener
    void on(WorkspaceEvents.TeamChanged e) {
        log.record(e.workspaceId(), e.actorId(), "team." + e.change(), "team", e.teamId(), null);
    }

    @ApplicationModuleListener
    void on(WorkspaceEvents.ApiTokenIssued e) {
        log.record(e.workspaceId(), e.actorId(), "token.issued", "token", e.tokenId(), e.name() + " as " + e.role());
    }

    @ApplicationModuleListener
    void on(WorkspaceEvents.ApiTokenRevoked e) {
        log.record(e.workspaceId(), e.actorId(), "token.revoked", "token", e.tokenId(), null);
    }

    @ApplicationModuleListener
    void on(WorkspaceEvents.UserLoggedIn e) {
        log.record(e.workspaceId(), e.userId(), "user.login", "user", e.userId(), e.email());
    }

    @ApplicationModuleListener
    void on(ChannelEvents.InboxChanged e) {
        log.record(e.workspaceId(), e.actorId(), "inbox." + e.change(), "inbox", e.inboxId(), e.channel().name());
    }

    @ApplicationModuleListener
    void on(CustomerEvents.CustomerUpdated e) {
        log.record(e.workspaceId(), e.actorId(), "customer.updated", "customer", e.customerId(), e.change());
    }

    @ApplicationModuleListener
    void on(ConversationEvents.ConversationAssigned e) {
        String to = (e.assigneeId() == null ? "nobody" : "user " + e.assigneeId())
                + (e.teamId() == null ? "" : ", team " + e.teamId()) + (e.reason() == null ? "" : " (" + e.reason() + ")");
        log.record(e.workspaceId(), e.actorId(), "conversation.assigned", "conversation", e.conversationId(), to);
    }

    @ApplicationModuleListener
    void on(ConversationEvents.StatusChanged e) {
        log.record(e.workspaceId(), e.actorId(), "conversation.status", "conversation", e.conversationId(),
                e.from() + " -> " + e.to());
    }

    @ApplicationModuleListener
    void on(ConversationEvents.PriorityChanged e) {
        log.record(e.workspaceId(), e.actorId(), "conversation.priority", "conversation", e.conversationId(),
                e.from() + " -> " + e.to());
    }

    @ApplicationModuleListener
    void on(ChannelEvents.PublicCommentModerated e) {
        log.record(e.workspaceId(), e.actorId(), "comment." + e.action(), "message", e.messageId(),
                "conversation " + e.conversationId() + ", " + e.externalId() + (e.reason() == null ? "" : ": " + e.reason()));
    }
}
