package dev.conversa.channel.webhook;

import dev.conversa.channel.ChannelEvents;
import dev.conversa.channel.CommentModeration;
import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.Direction;
import dev.conversa.conversation.Message;
import dev.conversa.conversation.MessageService;
import dev.conversa.conversation.Visibility;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moderation of customers' public comments: hide (agents), show again, delete (supervisors). Every action is
 * recorded in the audit log and as a note on the conversation, with the reason given.
 */
@RestController
class ModerationApi implements CommentModeration {
    private final ConversationService conversations;
    private final MessageService messages;
    private final InboxService inboxes;
    private final List<CommentModerator> moderators;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    ModerationApi(ConversationService conversations, MessageService messages, InboxService inboxes,
                  List<CommentModerator> moderators, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.conversations = conversations;
        this.messages = messages;
        this.inboxes = inboxes;
        this.moderators = moderators;
        this.events = events;
        this.tx = tx;
    }

    record ModerationInput(CommentModerator.Action action, String reason) {
    }

    record Moderated(long messageId, String externalId, CommentModerator.Action action) {
    }

    /** The console's door to the same operation (see {@link CommentModeration}). */
    @Override
    public void moderate(long conversationId, long messageId, CommentModeration.Action action, String reason, Actor actor) {
        moderate(conversationId, messageId,
                new ModerationInput(action == null ? null : CommentModerator.Action.valueOf(action.name()), reason), actor);
    }

    @PostMapping("/api/v1/conversations/{conversationId}/messages/{messageId}/moderation")
    Moderated moderate(@PathVariable long conversationId, @PathVariable long messageId, @RequestBody ModerationInput input,
                       Actor actor) {
        if (input == null || input.action() == null) {
            throw new InvalidInputException("action", "action is required: HIDE, UNHIDE or DELETE");
        }
        if (input.action() == CommentModerator.Action.DELETE) {
            actor.require(Role.SUPERVISOR);
        }
        Conversation c = conversations.get(conversationId, actor);
        Message m = messages.find(actor.workspace(), messageId).filter(x -> x.conversationId() == conversationId)
                .orElseThrow(() -> new NotFoundException("message", messageId));
        if (m.direction() != Direction.IN || m.visibility() != Visibility.PUBLIC || m.externalId() == null) {
            throw new InvalidInputException("messageId", "only customers' public comments can be moderated");
        }
        Inbox inbox = inboxes.get(c.inboxId(), actor);
        CommentModerator moderator = moderators.stream().filter(x -> x.supports(inbox.channel(), input.action())).findFirst()
                .orElseThrow(() -> new InvalidInputException("action", inbox.channel() + " does not allow " + input.action()));
        try {
            moderator.moderate(inbox, m.externalId(), input.action());
        } catch (CommentModerator.Refused e) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, e.getMessage());
        }
        String reason = input.reason() == null || input.reason().isBlank() ? null : input.reason().strip();
        tx.executeWithoutResult(s -> {
            conversations.addNote(conversationId, "Public comment " + m.externalId() + " " + switch (input.action()) {
                case HIDE -> "hidden";
                case UNHIDE -> "shown again";
                case DELETE -> "deleted";
            } + " by " + actor.name() + (reason == null ? " (no reason given)" : ": " + reason), actor);
            events.publishEvent(new ChannelEvents.PublicCommentModerated(actor.workspace(), inbox.id(), conversationId, messageId,
                    input.action().name().toLowerCase(java.util.Locale.ROOT), m.externalId(), reason, actor.userId()));
        });
        return new Moderated(messageId, m.externalId(), input.action());
    }
}
