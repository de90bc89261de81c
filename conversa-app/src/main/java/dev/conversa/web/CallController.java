package dev.conversa.web;

import dev.conversa.channel.CallWrapUps;
import dev.conversa.conversation.Conversation;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Phone calls in the console: a ringing or answered call pops the caller's profile (the live stream sends a
 * {@code call} event to the agent, see {@link LiveUpdates}), and the agent writes wrap-up notes when it ends.
 */
@Controller
class CallController {
    private final ConversationController conversations;
    private final ConsoleSupport support;
    private final CustomerPanel customerPanel;
    private final CallWrapUps wrapUps;

    CallController(ConversationController conversations, ConsoleSupport support, CustomerPanel customerPanel,
                   CallWrapUps wrapUps) {
        this.conversations = conversations;
        this.support = support;
        this.customerPanel = customerPanel;
        this.wrapUps = wrapUps;
    }

    /** The caller's profile and the wrap-up form, for the pop-up; the conversation decides what the agent may see. */
    @GetMapping("/conversations/{id}/call/{callId}")
    String pop(@PathVariable long id, @PathVariable long callId, @RequestParam(defaultValue = "RINGING") String state,
               Actor actor, Model model) {
        Conversation c = conversations.visible(id, actor, support.directory(actor));
        customerPanel.addTo(model, c.customerId(), actor);
        model.addAttribute("conversation", c);
        model.addAttribute("callId", callId);
        model.addAttribute("callState", "ANSWERED".equalsIgnoreCase(state) ? "ANSWERED"
                : "ENDED".equalsIgnoreCase(state) ? "ENDED" : "RINGING");
        return "console/call :: pop";
    }

    @PostMapping("/calls/{callId}/wrap-up")
    String wrapUp(@PathVariable long callId, @RequestParam(defaultValue = "") String notes,
                  @RequestParam(defaultValue = "") String disposition, Actor actor, Model model) {
        String d = disposition.isBlank() ? null : disposition.strip().toUpperCase(java.util.Locale.ROOT);
        if (d != null && !d.matches("[A-Z_]{2,32}")) {
            throw new InvalidInputException("disposition", "a disposition is a word such as RESOLVED or CALLBACK");
        }
        if (notes.length() > 20_000) {
            throw new InvalidInputException("notes", "wrap-up notes have at most 20,000 characters");
        }
        wrapUps.wrapUp(callId, notes.isBlank() ? null : notes.strip(), d, actor);
        model.addAttribute("callId", callId);
        return "console/call :: saved";
    }
}
