package dev.conversa.channel.webhook;

import dev.conversa.kernel.Actor;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What the network reported about a message besides the message itself: edits (with the text before), deletes, events. */
@RestController
class MessageChangeApi {
    private final MessageChanges changes;

    MessageChangeApi(MessageChanges changes) {
        this.changes = changes;
    }

    @GetMapping("/api/v1/conversations/{conversationId}/messages/{messageId}/changes")
    List<MessageChange> changes(@PathVariable long conversationId, @PathVariable long messageId, Actor actor) {
        return changes.of(conversationId, messageId, actor);
    }
}
