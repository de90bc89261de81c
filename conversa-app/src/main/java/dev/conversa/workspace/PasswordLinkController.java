package dev.conversa.workspace;

import dev.conversa.kernel.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a one-time link opens, without signing in: the invited (or reset) person chooses a password, then signs
 * in with it. A used, expired or unknown link answers 410 Gone with the same page saying so, and reveals nothing
 * about whose link it was.
 */
@Controller
class PasswordLinkController {
    private final PasswordLinks links;

    PasswordLinkController(PasswordLinks links) {
        this.links = links;
    }

    @GetMapping("/account/password/{secret}")
    String form(@PathVariable String secret, Model model, HttpServletResponse response) {
        Optional<PasswordLinks.OpenLink> link = links.open(secret);
        if (link.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("gone", true);
            return "password-link";
        }
        model.addAttribute("link", link.get());
        model.addAttribute("secret", secret);
        return "password-link";
    }

    @PostMapping("/account/password/{secret}")
    String set(@PathVariable String secret, @RequestParam(defaultValue = "") String password,
               @RequestParam(defaultValue = "") String confirm, Model model, HttpServletResponse response) {
        Optional<PasswordLinks.OpenLink> link = links.open(secret);
        if (link.isEmpty()) {
            return form(secret, model, response);
        }
        try {
            if (!password.equals(confirm)) {
                throw new InvalidInputException("confirm", "the two passwords differ");
            }
            if (links.setPassword(secret, password).isEmpty()) {
                return form(secret, model, response);
            }
            return "redirect:/login?passwordSet";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("fieldError", e.field());
            // the person is not signed in and may read only their own language: the page says it from the bundles
            model.addAttribute("errorKey", "passwordLink.error." + e.field());
            return form(secret, model, response);
        }
    }
}
