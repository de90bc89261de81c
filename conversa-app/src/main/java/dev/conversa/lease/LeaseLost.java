package dev.conversa.lease;

/** Work under a lease tried to write after another node had taken the lease over; nothing was written. */
public class LeaseLost extends RuntimeException {
    LeaseLost(String name, long token) {
        super("lease " + name + " (token " + token + ") is no longer held by this node");
    }

    /** The work asked for a lease that another node holds. */
    public LeaseLost(String name) {
        super("lease " + name + " is held by another node");
    }
}
