package dev.conversa.channel.email;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Inboxes → an email inbox's mail: its quarantine (retry, dismiss) and the automatic mail it received. */
@Controller
class MailboxAdminController {
    private final MailboxReview review;
    private final MessageSource messages;

    MailboxAdminController(MailboxReview review, MessageSource messages) {
        this.review = review;
        this.messages = messages;
    }

    @GetMapping("/admin/inboxes/{id}/mail")
    String page(@PathVariable long id, Model model, Actor actor) {
        model.addAttribute("inbox", review.inbox(id, actor));
        model.addAttribute("quarantine", review.quarantine(id, MailQuarantine.Status.OPEN, actor));
        model.addAttribute("automatic", review.automaticMail(id, null, actor));
        return "admin/inbox-mail";
    }

    @PostMapping("/admin/inboxes/{id}/mail/quarantine/{entryId}/retry")
    String retry(@PathVariable long id, @PathVariable long entryId, Actor actor, RedirectAttributes flash) {
        try {
            MailboxReview.Retried r = review.retry(id, entryId, actor);
            if (r.status() == MailQuarantine.Status.INGESTED) {
                flash.addFlashAttribute("notice", text("admin.mailbox.retried", entryId));
            } else {
                flash.addFlashAttribute("error", text("admin.mailbox.stillFailing", entryId, r.reason()));
            }
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/inboxes/" + id + "/mail";
    }

    @PostMapping("/admin/inboxes/{id}/mail/quarantine/{entryId}/dismiss")
    String dismiss(@PathVariable long id, @PathVariable long entryId, Actor actor, RedirectAttributes flash) {
        try {
            review.dismiss(id, entryId, actor);
            flash.addFlashAttribute("notice", text("admin.mailbox.dismissed", entryId));
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/inboxes/" + id + "/mail";
    }

    /** Another workspace's inbox or entry, or a missing one: a plain 404, never the error page of a crash. */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
