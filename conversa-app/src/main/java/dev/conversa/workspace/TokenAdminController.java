package dev.conversa.workspace;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → API tokens: the workspace's tokens (name, role, first characters, created, last used, revoked), issue one
 * with a role up to the admin's own, revoke one. A new token's secret is shown once, on the page that answers the
 * form, and never again (only its hash is stored).
 */
@Controller
class TokenAdminController {
    private static final List<Role> ROLES = List.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A token as the table shows it: times formatted, in UTC. */
    record Row(ApiTokenInfo token, String created, String lastUsed, String revoked) {
        static Row of(ApiTokenInfo t) {
            return new Row(t, format(t.createdAt()), format(t.lastUsedAt()), format(t.revokedAt()));
        }

        private static String format(Instant at) {
            return at == null ? null : TIME.format(at);
        }
    }

    private final ApiTokenService tokens;

    TokenAdminController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/admin/tokens")
    String list(Model model, Actor actor) {
        model.addAttribute("tokens", tokens.list(actor).stream().map(Row::of).toList());
        model.addAttribute("roles", ROLES);
        return "admin/tokens";
    }

    @PostMapping("/admin/tokens")
    String issue(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "AGENT") Role role,
                 Model model, Actor actor) {
        try {
            model.addAttribute("issued", tokens.issue(actor.workspace(), name, role, actor));
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e.field());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("name", name);
        }
        return list(model, actor);
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Actor actor, RedirectAttributes flash) {
        try {
            tokens.revoke(id, actor);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        flash.addFlashAttribute("revoked", id);
        return "redirect:/admin/tokens";
    }
}
