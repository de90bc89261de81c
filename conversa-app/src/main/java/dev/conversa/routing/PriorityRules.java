package dev.conversa.routing;

import dev.conversa.conversation.Priority;

/**
 * Priority from who is asking and how: a negative message, a VIP or an influential author raise it; both
 * together make it urgent. An SLA about to breach raises it through the SLA policy's escalation.
 */
final class PriorityRules {
    private PriorityRules() {
    }

    static Priority decide(Priority current, String sentiment, boolean vip, long followers, long influentialFollowers) {
        int reasons = 0;
        if ("NEGATIVE".equalsIgnoreCase(sentiment)) {
            reasons++;
        }
        if (vip || (influentialFollowers > 0 && followers >= influentialFollowers)) {
            reasons++;
        }
        Priority wanted = reasons == 0 ? current : reasons == 1 ? Priority.HIGH : Priority.URGENT;
        return wanted.compareTo(current) > 0 ? wanted : current;
    }
}
