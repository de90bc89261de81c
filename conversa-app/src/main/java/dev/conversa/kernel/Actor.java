package dev.conversa.kernel;

import java.io.Serial;
import java.io.Serializable;

/**
 * Who is acting: a signed-in person or an API token, always bound to at most one workspace.
 *
 * @param userId      the person, or the token's owner; {@code null} for a token that belongs to no person
 * @param workspaceId the workspace whose data the actor may touch; {@code null} only for installation admins
 * @param tokenId     set when the actor authenticated with an API token
 */
// Serializable: a signed-in person's actor is kept in the console session, which is stored in the database.
public record Actor(Long userId, Long workspaceId, Role role, String name, Long tokenId) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The workspace every tenant-scoped operation runs in; installation admins have none. */
    public long workspace() {
        if (workspaceId == null) {
            throw new ForbiddenException("This operation needs a workspace user or token; installation admins manage workspaces only.");
        }
        return workspaceId;
    }

    public boolean can(Role needed) {
        return role.includes(needed);
    }

    public void require(Role needed) {
        if (!can(needed)) {
            throw new ForbiddenException("Role " + needed + " is required; you are " + role + ".");
        }
    }

    /** The actor for work the system does by itself (ingestion, timers, demo data). */
    public static Actor system(long workspaceId) {
        return new Actor(null, workspaceId, Role.ADMIN, "system", null);
    }
}
