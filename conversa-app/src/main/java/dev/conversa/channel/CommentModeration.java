package dev.conversa.channel;

import dev.conversa.kernel.Actor;

/**
 * The console's handle on moderating a customer's public comment (hide, show again, delete on the network), the
 * same operation as {@code POST /api/v1/conversations/{id}/messages/{messageId}/moderation}: delete needs a
 * supervisor, every action is audited and noted on the conversation with its reason.
 */
public interface CommentModeration {

    enum Action { HIDE, UNHIDE, DELETE }

    /**
     * @throws dev.conversa.kernel.InvalidInputException when the message is not a customer's public comment or the
     *                                                   network does not allow the action
     * @throws dev.conversa.kernel.ForbiddenException    when a non-supervisor deletes
     */
    void moderate(long conversationId, long messageId, Action action, String reason, Actor actor);
}
