package dev.conversa.channel.admin;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.ChannelCatalog;
import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.InboxStatus;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * Admin → Inboxes: list the workspace's channel accounts with their status and last error, create one per channel
 * type, change settings and secrets. Settings and secrets are entered one {@code name=value} per line; secrets are
 * never shown back, only their names.
 */
@Controller
class InboxAdminController {
    private final InboxService inboxes;
    private final MessageSource messages;
    private final List<ChannelType> channels;
    private final Map<ChannelType, ChannelCapabilities> capabilities = new LinkedHashMap<>();
    /** Per channel that declares settings: the form's starting text for settings and for secrets. */
    private final Map<ChannelType, String[]> templates = new LinkedHashMap<>();
    /** Per channel: what each declared setting means, shown under the form. */
    private final Map<ChannelType, List<ChannelSetting>> declared = new LinkedHashMap<>();

    InboxAdminController(InboxService inboxes, ChannelCatalog channels, MessageSource messages) {
        this.inboxes = inboxes;
        this.messages = messages;
        this.channels = channels.channels();
        channels.adapters().forEach(a -> capabilities.put(a.type(), a.capabilities()));
        channels.adapters().stream().filter(a -> !a.settings().isEmpty()).forEach(a -> {
            declared.put(a.type(), a.settings());
            templates.put(a.type(), new String[] {ChannelSetting.formText(a.settings(), false),
                    ChannelSetting.formText(a.settings(), true)});
        });
    }

    @GetMapping("/admin/inboxes")
    String list(Model model, Actor actor) {
        var all = inboxes.list(actor);
        Map<Long, String> settingsText = new LinkedHashMap<>();
        all.forEach(i -> settingsText.put(i.id(), String.join("\n", i.settings().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList())));
        model.addAttribute("inboxes", all);
        model.addAttribute("settingsText", settingsText);
        model.addAttribute("channels", channels);
        model.addAttribute("capabilities", capabilities);
        model.addAttribute("templates", templates);
        model.addAttribute("declared", declared);
        model.addAttribute("statuses", InboxStatus.values());
        return "admin/inboxes";
    }

    @PostMapping("/admin/inboxes")
    String create(@RequestParam String name, @RequestParam ChannelType channel,
                  @RequestParam(defaultValue = "") String settings, @RequestParam(defaultValue = "") String secrets,
                  Actor actor, RedirectAttributes flash) {
        try {
            var inbox = inboxes.create(name, channel, lines(settings, true), lines(secrets, true), actor);
            flash.addFlashAttribute("notice", text("admin.inboxes.created", inbox.name(), inbox.id()));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/inboxes";
    }

    @PostMapping("/admin/inboxes/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String name,
                  @RequestParam(defaultValue = "") String settings, @RequestParam(defaultValue = "") String secrets,
                  @RequestParam(required = false) InboxStatus status, Actor actor, RedirectAttributes flash) {
        try {
            inboxes.update(id, name, lines(settings, false), lines(secrets, true), status, actor);
            flash.addFlashAttribute("notice", text("admin.inboxes.saved", id));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/inboxes";
    }

    /** Another workspace's inbox, or none: 404, as everywhere in the console (this page is outside the web module). */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                .body(HtmlUtils.htmlEscape(e.getMessage()));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** {@code name=value} lines; a line {@code name=} clears a value when updating. */
    static Map<String, String> lines(String text, boolean dropEmpty) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!key.isEmpty() && (!value.isEmpty() || !dropEmpty)) {
                out.put(key, value);
            }
        }
        return out;
    }
}
