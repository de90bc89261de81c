package dev.conversa.web;

import dev.conversa.conversation.ConversationFilter;
import dev.conversa.conversation.ConversationService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import dev.conversa.workspace.WorkspaceService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after sign-in. */
@Controller
class HomeController {
    private final ConversationService conversations;
    private final WorkspaceService workspaces;

    HomeController(ConversationService conversations, WorkspaceService workspaces) {
        this.conversations = conversations;
        this.workspaces = workspaces;
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        model.addAttribute("actor", actor);
        if (actor.role() == Role.INSTALLATION_ADMIN) {
            model.addAttribute("workspaces", workspaces.list(actor));
            return "installation";
        }
        model.addAttribute("workspace", workspaces.get(actor.workspace(), actor));
        model.addAttribute("conversations", conversations.list(ConversationFilter.all(), new Paging(0, 50), actor));
        return "home";
    }
}
