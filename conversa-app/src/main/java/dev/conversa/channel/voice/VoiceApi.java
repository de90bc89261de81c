package dev.conversa.channel.voice;

import dev.conversa.channel.CallWrapUps;
import dev.conversa.conversation.ConversationService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calls")
@Tag(name = "Calls", description = "Phone calls: the customer's call history, outcome, and the agent's wrap-up")
class VoiceApi implements CallWrapUps {
    private final CallTracker calls;
    private final ConversationService conversations;

    VoiceApi(CallTracker calls, ConversationService conversations) {
        this.calls = calls;
        this.conversations = conversations;
    }

    @GetMapping
    List<VoiceCall> list(@RequestParam(required = false) Long customerId, Actor actor) {
        return calls.list(actor.workspace(), customerId, 200);
    }

    @GetMapping("/{id}")
    VoiceCall get(@PathVariable long id, Actor actor) {
        return calls.get(actor.workspace(), id).orElseThrow(() -> new NotFoundException("call", id));
    }

    record WrapUp(@Size(max = 20000) String notes, @Pattern(regexp = "[A-Z_]{2,32}") String disposition) {
    }

    /** The console's door to the same operation (see {@link CallWrapUps}). */
    @Override
    @Transactional
    public void wrapUp(long callId, String notes, String disposition, Actor actor) {
        wrapUp(callId, new WrapUp(notes, disposition), actor);
    }

    @PostMapping("/{id}/wrap-up")
    @Transactional
    @Operation(summary = "Record the agent's wrap-up notes (also added as a conversation note) and disposition")
    VoiceCall wrapUp(@PathVariable long id, @Valid @RequestBody WrapUp body, Actor actor) {
        actor.require(Role.AGENT);
        VoiceCall call = get(id, actor);
        calls.wrapUp(actor.workspace(), id, body.notes(), body.disposition());
        if (body.notes() != null && !body.notes().isBlank() && call.conversationId() != null) {
            conversations.addNote(call.conversationId(), "Call wrap-up: " + body.notes().strip(), actor);
        }
        return get(id, actor);
    }
}
