package dev.conversa.web;

import dev.conversa.audit.AuditEntry;
import dev.conversa.audit.AuditLog;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Admin → Audit log: the workspace's recorded actions, newest first, filtered by action, kind of object and object id
 * (the same filters as {@code GET /api/v1/audit}), 50 to a page.
 */
@Controller
class AuditAdminController {
    private static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** An entry as the table shows it. */
    record Row(AuditEntry entry, String at) {
    }

    private final AuditLog audit;

    AuditAdminController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String action, @RequestParam(required = false) String subjectType,
                @RequestParam(required = false) String subjectId, @RequestParam(defaultValue = "0") int page,
                Actor actor, Model model) {
        actor.require(Role.ADMIN);
        action = blankToNull(action);
        subjectType = blankToNull(subjectType);
        subjectId = blankToNull(subjectId);
        Page<AuditEntry> entries = audit.list(action, subjectType, subjectId, Paging.of(Math.max(page, 0), PAGE_SIZE), actor);
        model.addAttribute("rows", entries.items().stream().map(e -> new Row(e, TIME.format(e.occurredAt()))).toList());
        model.addAttribute("entries", entries);
        model.addAttribute("hasNext", (long) (entries.page() + 1) * entries.size() < entries.total());
        model.addAttribute("kinds", audit.kinds(actor));
        model.addAttribute("action", action);
        model.addAttribute("subjectType", subjectType);
        model.addAttribute("subjectId", subjectId);
        return "admin/audit";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
