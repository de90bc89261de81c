package dev.conversa.conversation;

/**
 * How many active conversations each inbox view holds for one agent. Counting stops at {@link #CAP} so a view
 * with 100,000 conversations costs no more than one with a thousand; the console shows "999+".
 */
public record ViewCounts(long mine, long unassigned, long teams, long all, long mentions) {
    public static final int CAP = 1000;

    public String label(InboxCriteria.View view) {
        long n = switch (view) {
            case MINE -> mine;
            case UNASSIGNED -> unassigned;
            case TEAMS -> teams;
            case ALL -> all;
            case MENTIONS -> mentions;
        };
        return n >= CAP ? (CAP - 1) + "+" : String.valueOf(n);
    }
}
