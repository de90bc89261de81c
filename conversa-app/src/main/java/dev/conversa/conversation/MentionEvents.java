package dev.conversa.conversation;

/** Published when an internal note names an agent with {@code @}: the console notifies them. */
public final class MentionEvents {
    private MentionEvents() {
    }

    public record AgentMentioned(long workspaceId, long conversationId, long noteId, long userId, Long authorId) {
    }
}
