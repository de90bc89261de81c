package dev.conversa.channel.admin;

import dev.conversa.channel.webhook.DeadLetter;
import dev.conversa.channel.webhook.DeadLetters;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Paging;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the workspace's dead letters on Admin → Inboxes: a count per inbox and the latest ones, to replay or dismiss. */
@ControllerAdvice(assignableTypes = InboxAdminController.class)
class DeadLetterSummary {
    private final DeadLetters deadLetters;

    DeadLetterSummary(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ModelAttribute("deadLetterCounts")
    Map<Long, Long> counts(Actor actor) {
        return deadLetters.countsByInbox(actor.workspace());
    }

    @ModelAttribute("latestDeadLetters")
    List<DeadLetter> latest(Actor actor) {
        return deadLetters.list(actor, null, Paging.of(0, 20)).items();
    }
}
