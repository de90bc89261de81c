package dev.conversa.channel.outbound;

import dev.conversa.channel.OutboundRetries;
import dev.conversa.conversation.Message;
import dev.conversa.kernel.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Conversations")
class OutboundApi {
    private final OutboundRetries retries;

    OutboundApi(OutboundRetries retries) {
        this.retries = retries;
    }

    @PostMapping("/api/v1/conversations/{id}/messages/{messageId}/retry")
    @Operation(summary = "Deliver a FAILED outbound message again; answers the message, QUEUED")
    Message retry(@PathVariable long id, @PathVariable long messageId, Actor actor) {
        return retries.retry(id, messageId, actor);
    }
}
