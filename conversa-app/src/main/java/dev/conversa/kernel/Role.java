package dev.conversa.kernel;

/** What a person or token may do. Workspace roles are ordered: an admin can do what a supervisor can, and so on. */
public enum Role {
    AGENT, SUPERVISOR, ADMIN,
    /** Manages workspaces and their admins; belongs to no workspace and sees none of their data. */
    INSTALLATION_ADMIN;

    public boolean includes(Role other) {
        if (this == INSTALLATION_ADMIN || other == INSTALLATION_ADMIN) {
            return this == other;
        }
        return ordinal() >= other.ordinal();
    }
}
