package dev.conversa.workspace;

import dev.conversa.kernel.Role;

/** Events the workspace module publishes; the audit log and the console listen to them. */
public final class WorkspaceEvents {
    private WorkspaceEvents() {
    }

    public record WorkspaceCreated(long workspaceId, String slug, String name, Long actorId) {
    }

    public record UserCreated(long workspaceId, long userId, String email, Role role, Long actorId) {
    }

    public record UserUpdated(long workspaceId, long userId, String change, Long actorId) {
    }

    public record AgentStatusChanged(long workspaceId, long userId, AgentStatus status, Long actorId) {
    }

    public record TeamChanged(long workspaceId, long teamId, String change, Long actorId) {
    }

    public record ApiTokenIssued(Long workspaceId, long tokenId, String name, Role role, Long actorId) {
    }

    public record ApiTokenRevoked(Long workspaceId, long tokenId, Long actorId) {
    }

    /** A person signed in through the login form. */
    public record UserLoggedIn(Long workspaceId, long userId, String email) {
    }
}
