package dev.conversa.web;

import dev.conversa.analysis.SentimentTraining;
import dev.conversa.channel.CommentModeration;
import dev.conversa.channel.OutboundRetries;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.nlp.SentimentLabel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What an agent does to one message of the thread: retry a failed delivery, hide/show/delete a customer's public
 * comment on its network, correct the sentiment of a customer's message. Each answers with the refreshed thread;
 * each goes through the same module APIs as the REST endpoints (and their checks), behind the console's session and
 * CSRF token.
 */
@Controller
class MessageActionsController {
    private final ConversationController conversations;
    private final ConsoleSupport support;
    private final OutboundRetries retries;
    private final CommentModeration moderation;
    private final SentimentTraining sentiment;

    MessageActionsController(ConversationController conversations, ConsoleSupport support, OutboundRetries retries,
                             CommentModeration moderation, SentimentTraining sentiment) {
        this.conversations = conversations;
        this.support = support;
        this.retries = retries;
        this.moderation = moderation;
        this.sentiment = sentiment;
    }

    /** {@code POST /api/v1/conversations/{id}/messages/{messageId}/retry} for the console. */
    @PostMapping("/conversations/{id}/messages/{messageId}/retry")
    String retry(@PathVariable long id, @PathVariable long messageId, Actor actor, Model model) {
        conversations.visible(id, actor, support.directory(actor));
        retries.retry(id, messageId, actor);
        return conversations.thread(id, actor, model);
    }

    /** Hide, show again or delete (supervisors) a public comment; a reason is required and goes to the audit log. */
    @PostMapping("/conversations/{id}/messages/{messageId}/moderation")
    String moderate(@PathVariable long id, @PathVariable long messageId, @RequestParam CommentModeration.Action action,
                    @RequestParam(defaultValue = "") String reason, Actor actor, Model model) {
        conversations.visible(id, actor, support.directory(actor));
        if (reason.isBlank()) {
            throw new InvalidInputException("reason", "say why: the reason is kept in the audit log");
        }
        moderation.moderate(id, messageId, action, reason.strip(), actor);
        return conversations.thread(id, actor, model);
    }

    /** The agent's correction of a customer message's sentiment; it trains the workspace's model. */
    @PostMapping("/conversations/{id}/messages/{messageId}/sentiment")
    String sentiment(@PathVariable long id, @PathVariable long messageId, @RequestParam SentimentLabel label, Actor actor,
                     Model model) {
        conversations.visible(id, actor, support.directory(actor));
        sentiment.correct(id, messageId, label, actor);
        return conversations.thread(id, actor, model);
    }
}
