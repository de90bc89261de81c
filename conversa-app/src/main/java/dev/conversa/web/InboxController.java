package dev.conversa.web;

import dev.conversa.channel.ChannelCatalog;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.ConversationStatus;
import dev.conversa.conversation.InboxCriteria;
import dev.conversa.conversation.InboxQuery;
import dev.conversa.conversation.InboxRow;
import dev.conversa.conversation.Priority;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inbox: views with counts, filters, sort, search, keyset paging and bulk actions. */
@Controller
class InboxController {
    private final InboxQuery inbox;
    private final ConversationService conversations;
    private final ConsoleSupport support;
    private final SlaBadges sla;
    private final ChannelCatalog channels;

    InboxController(InboxQuery inbox, ConversationService conversations, ConsoleSupport support, SlaBadges sla,
                    ChannelCatalog channels) {
        this.sla = sla;
        this.channels = channels;
        this.inbox = inbox;
        this.conversations = conversations;
        this.support = support;
    }

    @GetMapping("/inbox")
    String page(@ModelAttribute("form") InboxForm form, Actor actor, Model model) {
        Directory dir = support.directory(actor);
        support.addCommon(model, actor, dir);
        addList(form, actor, dir, model);
        return "console/page";
    }

    /** The list with its view tabs; with a cursor ({@code afterAt}), only the next rows. */
    @GetMapping("/inbox/list")
    String list(@ModelAttribute("form") InboxForm form, Actor actor, Model model) {
        Directory dir = support.directory(actor);
        model.addAttribute("dir", dir);
        model.addAttribute("oob", true);
        addList(form, actor, dir, model);
        return form.afterAt() != null ? "console/inbox :: rows" : "console/inbox :: inbox";
    }

    @PostMapping("/inbox/bulk")
    String bulk(@RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam String action,
                @RequestParam(required = false) Long assignee, @RequestParam(required = false) String tag,
                @ModelAttribute("form") InboxForm form, Actor actor, Model model) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("ids", "select at least one conversation");
        }
        if ("assign".equals(action) && assignee != null
                && support.directory(actor).users().stream().noneMatch(u -> u.id() == assignee)) {
            throw new InvalidInputException("assignee", "no person " + assignee + " in this workspace");
        }
        for (long id : ids) {
            switch (action) {
                case "assign" -> conversations.assign(id, assignee, conversations.get(id, actor).teamId(), "bulk", actor);
                case "resolve" -> conversations.changeStatus(id, ConversationStatus.RESOLVED, null, actor);
                case "tag" -> {
                    var tags = new ArrayList<>(conversations.get(id, actor).tags());
                    tags.add(tag);
                    conversations.setTags(id, tags, actor);
                }
                default -> throw new InvalidInputException("action", "unknown bulk action " + action);
            }
        }
        return list(form, actor, model);
    }

    private void addList(InboxForm form, Actor actor, Directory dir, Model model) {
        List<InboxRow> rows = inbox.list(form.criteria(), dir.myTeams(), actor);
        model.addAttribute("rows", rows);
        model.addAttribute("slaStates", sla.of(actor.workspace(), rows.stream().map(InboxRow::id).toList()));
        model.addAttribute("counts", inbox.counts(dir.myTeams(), actor));
        model.addAttribute("views", InboxCriteria.View.values());
        model.addAttribute("sorts", InboxCriteria.Sort.values());
        model.addAttribute("statuses", ConversationStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", channels.channels());
        model.addAttribute("allTags", conversations.allTags(actor));
        InboxRow last = rows.size() == InboxForm.PAGE ? rows.getLast() : null;
        model.addAttribute("nextPage", last == null || form.criteria().sort() != InboxCriteria.Sort.NEWEST ? null
                : form.nextPage(last.lastMessageAt(), last.id()));
    }
}
