package dev.conversa.conversation;

import org.springframework.modulith.events.Externalized;

/** Published when an internal note names an agent with {@code @}: the console notifies them. */
public final class MentionEvents {
    private MentionEvents() {
    }

    @Externalized(ConversationEvents.TOPIC + "::#{workspaceId()}")
    public record AgentMentioned(long workspaceId, long conversationId, long noteId, long userId, Long authorId) {
    }
}
