package dev.conversa.web;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Role;
import dev.conversa.workspace.WorkspaceService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after sign-in: the installation page for installation admins, the inbox for everyone else. */
@Controller
class HomeController {
    private final WorkspaceService workspaces;

    HomeController(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        model.addAttribute("actor", actor);
        if (actor.role() == Role.INSTALLATION_ADMIN) {
            model.addAttribute("workspaces", workspaces.list(actor));
            return "installation";
        }
        return "redirect:/inbox";
    }
}
