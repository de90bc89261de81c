package dev.conversa.web;

import dev.conversa.cluster.LiveSignals;
import dev.conversa.conversation.ConversationService;
import dev.conversa.kernel.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The event stream each open console listens to, and the "viewing / replying" reports. */
@Controller
class LiveController {
    private final LiveUpdates live;
    private final Presence presence;
    private final ConversationService conversations;
    private final LiveSignals signals;

    LiveController(LiveUpdates live, Presence presence, ConversationService conversations, LiveSignals signals) {
        this.live = live;
        this.signals = signals;
        this.presence = presence;
        this.conversations = conversations;
    }

    @GetMapping(path = "/live", produces = "text/event-stream")
    @ResponseBody
    SseEmitter stream(Actor actor) {
        return live.connect(actor.workspace(), actor.userId() == null ? -1 : actor.userId());
    }

    @PostMapping("/conversations/{id}/presence")
    String report(@PathVariable long id, @RequestParam String state, Actor actor, Model model) {
        long ws = actor.workspace();
        conversations.get(id, actor);
        long me = actor.userId() == null ? -1 : actor.userId();
        boolean left = "LEFT".equalsIgnoreCase(state);
        // every node's copy of who is here applies the report, and tells its consoles when what they show changed
        signals.send(new PresenceReport(ws, id, me, actor.name(),
                left ? null : Presence.State.valueOf(state.toUpperCase(java.util.Locale.ROOT)), left));
        return others(id, actor, model);
    }

    @GetMapping("/conversations/{id}/presence")
    String others(@PathVariable long id, Actor actor, Model model) {
        conversations.get(id, actor);
        model.addAttribute("others", presence.others(actor.workspace(), id, actor.userId() == null ? -1 : actor.userId()));
        return "console/conversation :: presence";
    }
}
