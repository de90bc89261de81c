package dev.conversa.channel.webhook;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Dead letters: what the channels could not process, with the raw payload and the error; replay or dismiss. */
@Controller
class DeadLetterPage {
    private final DeadLetters deadLetters;

    DeadLetterPage(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/admin/dead-letters")
    String list(@RequestParam(required = false) Long inboxId, @RequestParam(required = false) Integer page, Model model,
                Actor actor) {
        model.addAttribute("page", deadLetters.list(actor, inboxId, Paging.of(page, 50)));
        model.addAttribute("inboxId", inboxId);
        return "admin/dead-letters";
    }

    @GetMapping("/admin/dead-letters/{id}")
    String show(@PathVariable long id, Model model, Actor actor) {
        try {
            model.addAttribute("letter", deadLetters.get(actor, id));
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return "admin/dead-letter";
    }

    @PostMapping("/admin/dead-letters/{id}/replay")
    String replay(@PathVariable long id, Actor actor, RedirectAttributes flash) {
        try {
            deadLetters.replay(actor, id);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        flash.addFlashAttribute("replayed", id);
        return "redirect:/admin/dead-letters";
    }

    @PostMapping("/admin/dead-letters/{id}/dismiss")
    String dismiss(@PathVariable long id, Actor actor, RedirectAttributes flash) {
        try {
            deadLetters.dismiss(actor, id);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        flash.addFlashAttribute("dismissed", id);
        return "redirect:/admin/dead-letters";
    }
}
