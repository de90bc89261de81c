package dev.conversa.web;

import dev.conversa.conversation.CannedResponseService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → Canned responses: every prepared answer of the workspace, a form to add one and one per answer to change
 * or delete it. A refused form comes back with what was typed and the reason next to the field.
 */
@Controller
class CannedAdminController {
    private final CannedResponseService canned;

    CannedAdminController(CannedResponseService canned) {
        this.canned = canned;
    }

    @GetMapping("/admin/canned")
    String list(Model model, Actor actor) {
        model.addAttribute("responses", canned.list(actor));
        return "admin/canned";
    }

    @PostMapping("/admin/canned")
    String create(@RequestParam(defaultValue = "") String shortcut, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String body, Model model, Actor actor, RedirectAttributes flash) {
        try {
            var created = canned.create(shortcut, title, body, actor);
            flash.addFlashAttribute("saved", created.shortcut());
            return "redirect:/admin/canned";
        } catch (InvalidInputException | ConflictException e) {
            refused(model, null, e, shortcut, title, body);
            return list(model, actor);
        }
    }

    @PostMapping("/admin/canned/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String shortcut,
                  @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
                  Model model, Actor actor, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("saved", canned.update(id, shortcut, title, body, actor).shortcut());
            return "redirect:/admin/canned";
        } catch (InvalidInputException | ConflictException e) {
            refused(model, id, e, shortcut, title, body);
            return list(model, actor);
        }
    }

    @PostMapping("/admin/canned/{id}/delete")
    String delete(@PathVariable long id, Actor actor, RedirectAttributes flash) {
        canned.delete(id, actor);
        flash.addFlashAttribute("deleted", id);
        return "redirect:/admin/canned";
    }

    /** Which form (null: the new one) and field were refused, why, and what was typed. */
    private static void refused(Model model, Long formId, RuntimeException e, String shortcut, String title, String body) {
        model.addAttribute("formId", formId);
        model.addAttribute("fieldError", e instanceof InvalidInputException i ? i.field() : ((ConflictException) e).field());
        model.addAttribute("error", e.getMessage());
        model.addAttribute("typed", new String[] {shortcut, title, body});
    }
}
