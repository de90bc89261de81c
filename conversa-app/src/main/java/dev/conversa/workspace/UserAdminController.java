package dev.conversa.workspace;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Admin → People: the workspace's people (never its API tokens' identities), invite one by email, change a role,
 * deactivate and reactivate, send a password reset link. Links go out by the installation's mail
 * ({@link SystemMail}); without SMTP, or when the server refuses, the page shows the link once for the admin to pass on.
 */
@Controller
class UserAdminController {
    static final List<Role> ROLES = List.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A person as the table shows them. */
    record Row(UserAccount user, boolean invited, String created) {
    }

    private final UserService users;
    private final PasswordLinks links;
    private final SystemMail mail;
    private final MessageSource messages;

    UserAdminController(UserService users, PasswordLinks links, SystemMail mail, MessageSource messages) {
        this.users = users;
        this.links = links;
        this.mail = mail;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String list(Model model, Actor actor) {
        actor.require(Role.ADMIN);
        model.addAttribute("people", users.list(actor, null, Paging.of(0, 200)).items().stream()
                .map(u -> new Row(u, links.invited(u), TIME.format(u.createdAt()))).toList());
        model.addAttribute("roles", ROLES);
        model.addAttribute("me", actor.userId());
        model.addAttribute("mailConfigured", mail.configured());
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String invite(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "AGENT") Role role, Model model, Actor actor,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        try {
            PasswordLinks.IssuedLink link = links.invite(email, name, role, actor);
            deliver(link, flash, request);
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return refused(model, actor, e.field(), e.getMessage(), email, name, role);
        } catch (ConflictException e) {
            response.setStatus(409);
            return refused(model, actor, e.field(), e.getMessage(), email, name, role);
        }
    }

    @PostMapping("/admin/users/{id}/role")
    String role(@PathVariable long id, @RequestParam Role role, Actor actor, RedirectAttributes flash) {
        return change(id, actor, flash, () -> users.update(id, null, role, null, null, actor));
    }

    @PostMapping("/admin/users/{id}/active")
    String active(@PathVariable long id, @RequestParam boolean active, Actor actor, RedirectAttributes flash) {
        return change(id, actor, flash, () -> users.update(id, null, null, active, null, actor));
    }

    @PostMapping("/admin/users/{id}/reset")
    String reset(@PathVariable long id, Actor actor, HttpServletRequest request, RedirectAttributes flash) {
        return change(id, actor, flash, () -> deliver(links.reset(id, actor), flash, request));
    }

    private String change(long id, Actor actor, RedirectAttributes flash, Runnable change) {
        actor.require(Role.ADMIN);
        try {
            change.run();
            flash.addFlashAttribute("changed", id);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("rowError", id);
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users#user-" + id;
    }

    /** Mails the link; says on the page whether it went, and shows it when it did not. */
    private void deliver(PasswordLinks.IssuedLink link, RedirectAttributes flash, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        String url = ServletUriComponentsBuilder.fromContextPath(request).path("/account/password/{secret}")
                .buildAndExpand(link.secret()).toUriString();
        String kind = link.purpose() == PasswordLinks.Purpose.INVITATION ? "invitation" : "reset";
        String subject = messages.getMessage("mail." + kind + ".subject", null, locale);
        String text = messages.getMessage("mail." + kind + ".body",
                new Object[] {link.user().name(), url, TIME.format(link.expiresAt())}, locale);
        SystemMail.Outcome outcome = mail.send(link.user().email(), subject, text, locale);
        flash.addFlashAttribute("linkFor", link.user().email());
        flash.addFlashAttribute("linkKind", kind);
        if (!outcome.sent()) {
            flash.addFlashAttribute("link", url);
            flash.addFlashAttribute("mailError", outcome.error());
        }
    }

    private String refused(Model model, Actor actor, String field, String error, String email, String name, Role role) {
        model.addAttribute("fieldError", field);
        model.addAttribute("error", error);
        model.addAttribute("email", email);
        model.addAttribute("name", name);
        model.addAttribute("role", role);
        return list(model, actor);
    }
}
