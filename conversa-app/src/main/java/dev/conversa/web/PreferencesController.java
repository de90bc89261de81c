package dev.conversa.web;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.workspace.UserService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The user's own settings: the console language, stored on their profile. */
@Controller
class PreferencesController {
    private final UserService users;

    PreferencesController(UserService users) {
        this.users = users;
    }

    @PostMapping("/preferences/language")
    String language(@RequestParam String lang, @RequestHeader(name = "Referer", required = false) String referer,
                    HttpServletRequest request, Actor actor) {
        Locale locale = ConsoleLocale.supported(lang);
        if (locale == null) {
            throw new InvalidInputException("lang", "supported languages: en, es");
        }
        if (actor.userId() != null && actor.workspaceId() != null) {
            users.update(actor.userId(), null, null, null, locale.getLanguage(), actor);
        }
        request.getSession().setAttribute(ConsoleLocale.SESSION_KEY, locale);
        String back = referer != null && referer.contains("/conversations/") ? referer.substring(referer.indexOf("/conversations/"))
                : "/inbox";
        return "redirect:" + back.replaceAll("[\\r\\n]", "");
    }
}
