package dev.conversa.web;

import dev.conversa.workspace.CurrentActor;
import dev.conversa.workspace.UserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The console speaks Spanish or English: the language chosen by the user (kept on their profile and in the
 * session), else the browser's preferred one, else English. {@code ?lang=es} switches for the session.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLocale {
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));
    static final String SESSION_KEY = ConsoleLocale.class.getName() + ".locale";

    @Bean
    LocaleResolver localeResolver(UserService users) {
        return new Resolver(users);
    }

    static Locale supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }

    private record Resolver(UserService users) implements LocaleResolver {

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            Locale asked = supported(request.getParameter("lang"));
            HttpSession session = request.getSession(false);
            if (asked != null) {
                if (session != null) {
                    session.setAttribute(SESSION_KEY, asked);
                }
                return asked;
            }
            if (session != null && session.getAttribute(SESSION_KEY) instanceof Locale chosen) {
                return chosen;
            }
            Locale stored = CurrentActor.get().filter(a -> a.userId() != null && a.workspaceId() != null)
                    .flatMap(a -> users.find(a.workspaceId(), a.userId())).map(u -> supported(u.locale())).orElse(null);
            if (stored != null) {
                if (session != null) {
                    session.setAttribute(SESSION_KEY, stored);
                }
                return stored;
            }
            Locale browser = request.getHeader("Accept-Language") == null ? null
                    : Locale.lookup(Locale.LanguageRange.parse(request.getHeader("Accept-Language")), SUPPORTED);
            return browser == null ? Locale.ENGLISH : browser;
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            request.getSession().setAttribute(SESSION_KEY, locale);
        }
    }
}
