package dev.conversa.web;

import dev.conversa.conversation.CannedResponseService;
import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationNote;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.ConversationStatus;
import dev.conversa.conversation.Direction;
import dev.conversa.conversation.InboxQuery;
import dev.conversa.conversation.Message;
import dev.conversa.conversation.MessageHtml;
import dev.conversa.conversation.MessageService;
import dev.conversa.conversation.NoteMentions;
import dev.conversa.conversation.Priority;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.Customer;
import dev.conversa.customer.CustomerService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Paging;
import dev.conversa.workspace.UserAccount;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One conversation: thread, reply box, notes with @mentions, canned responses, tags, assignment, status, priority. */
@Controller
class ConversationController {
    private final ConversationService conversations;
    private final MessageService messages;
    private final CustomerService customers;
    private final InboxQuery inbox;
    private final NoteMentions mentions;
    private final CannedResponseService canned;
    private final ConsoleSupport support;
    private final CustomerPanel customerPanel;
    private final InboxController inboxController;
    private final MessageHtml html;
    private final SlaBadges sla;

    ConversationController(ConversationService conversations, MessageService messages, CustomerService customers,
                           InboxQuery inbox, NoteMentions mentions, CannedResponseService canned, ConsoleSupport support,
                           CustomerPanel customerPanel, InboxController inboxController, MessageHtml html, SlaBadges sla) {
        this.html = html;
        this.sla = sla;
        this.conversations = conversations;
        this.messages = messages;
        this.customers = customers;
        this.inbox = inbox;
        this.mentions = mentions;
        this.canned = canned;
        this.support = support;
        this.customerPanel = customerPanel;
        this.inboxController = inboxController;
    }

    /** The full console with this conversation open (a reload or a shared link lands here). */
    @GetMapping("/conversations/{id}")
    String page(@PathVariable long id, @ModelAttribute("form") InboxForm form, Actor actor, Model model) {
        inboxController.page(form, actor, model);
        Directory dir = (Directory) model.getAttribute("dir");
        addDetail(id, actor, dir, model);
        return "console/page";
    }

    @GetMapping("/conversations/{id}/detail")
    String detail(@PathVariable long id, Actor actor, Model model) {
        Directory dir = support.directory(actor);
        model.addAttribute("dir", dir);
        model.addAttribute("actor", actor);
        addDetail(id, actor, dir, model);
        return "console/conversation :: detail";
    }

    @GetMapping("/conversations/{id}/thread")
    String thread(@PathVariable long id, Actor actor, Model model) {
        Directory dir = support.directory(actor);
        Conversation c = visible(id, actor, dir);
        model.addAttribute("conversation", c);
        model.addAttribute("timeline", timeline(c, actor, dir));
        model.addAttribute("supervisor", actor.can(dev.conversa.kernel.Role.SUPERVISOR));
        return "console/conversation :: thread";
    }

    @PostMapping("/conversations/{id}/reply")
    String reply(@PathVariable long id, @RequestParam String body, @RequestParam(required = false) Visibility visibility,
                 Actor actor, Model model) {
        Directory dir = support.directory(actor);
        Conversation c = visible(id, actor, dir);
        Visibility v = visibility != null && support.hasPublicAndPrivate(c.channel()) ? visibility
                : support.publicOnly(c.channel()) ? Visibility.PUBLIC : Visibility.PRIVATE;
        if (replyWindow(c, actor).templatesOnly() && !body.strip().startsWith(TEMPLATE)) {
            throw new InvalidInputException("body", "The " + c.channel() + " reply window is closed: only a message template can be sent");
        }
        messages.reply(id, body, v, List.of(), actor);
        return detail(id, actor, model);
    }

    /** Outside the reply window: an approved message template, written as the channel expects it. */
    @PostMapping("/conversations/{id}/template")
    String template(@PathVariable long id, @RequestParam String name, @RequestParam(defaultValue = "") String language,
                    @RequestParam(defaultValue = "") String parameters, Actor actor, Model model) {
        visible(id, actor, support.directory(actor));
        if (!name.strip().matches("[A-Za-z0-9_]{1,512}") || !language.strip().matches("([A-Za-z_]{2,10})?")) {
            throw new InvalidInputException("name", "a template name is letters, digits and _; a language like es or en_US");
        }
        StringBuilder body = new StringBuilder(TEMPLATE).append(name.strip());
        if (!language.isBlank()) {
            body.append(' ').append(language.strip());
        }
        for (String p : parameters.split("\\R")) {
            if (!p.isBlank()) {
                body.append(" | ").append(p.strip().replace('|', '/'));
            }
        }
        messages.reply(id, body.toString(), Visibility.PRIVATE, List.of(), actor);
        return detail(id, actor, model);
    }

    @PostMapping("/conversations/{id}/notes")
    String note(@PathVariable long id, @RequestParam String body, Actor actor, Model model) {
        Directory dir = support.directory(actor);
        visible(id, actor, dir);
        ConversationNote note = conversations.addNote(id, body, actor);
        Set<String> handles = NoteMentions.handles(body);
        if (!handles.isEmpty()) {
            List<Long> named = dir.users().stream().filter(u -> handles.stream().anyMatch(h -> matches(u, h)))
                    .map(UserAccount::id).toList();
            mentions.record(actor.workspace(), id, note.id(), named, actor.userId());
        }
        return detail(id, actor, model);
    }

    @PostMapping("/conversations/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) String assignee,
                  @RequestParam(required = false) Long team, @RequestParam(required = false) String reason,
                  Actor actor, Model model) {
        Directory dir = support.directory(actor);
        visible(id, actor, dir);
        Long assigneeId = assignee == null || assignee.isBlank() ? null
                : "me".equals(assignee) ? actor.userId() : Long.valueOf(assignee);
        // Form fields follow the API's rule for ids in a body: not this workspace's, a 400 naming the field.
        if (assigneeId != null && dir.users().stream().noneMatch(u -> u.id() == assigneeId)) {
            throw new InvalidInputException("assignee", "no person " + assigneeId + " in this workspace");
        }
        if (team != null && dir.teams().stream().noneMatch(t -> t.id() == team)) {
            throw new InvalidInputException("team", "no team " + team + " in this workspace");
        }
        conversations.assign(id, assigneeId, team, reason, actor);
        return detail(id, actor, model);
    }

    @PostMapping("/conversations/{id}/status")
    String status(@PathVariable long id, @RequestParam ConversationStatus status,
                  @RequestParam(required = false) String snoozeUntil, Actor actor, Model model) {
        visible(id, actor, support.directory(actor));
        java.time.Instant until = null;
        if (status == ConversationStatus.SNOOZED) {
            if (snoozeUntil == null || snoozeUntil.isBlank()) {
                throw new InvalidInputException("snoozeUntil", "choose when the conversation comes back");
            }
            ZoneId zone = ZoneId.of(support.timeZone(actor));
            until = LocalDateTime.parse(snoozeUntil).atZone(zone).toInstant();
        }
        conversations.changeStatus(id, status, until, actor);
        return detail(id, actor, model);
    }

    @PostMapping("/conversations/{id}/priority")
    String priority(@PathVariable long id, @RequestParam Priority priority, Actor actor, Model model) {
        visible(id, actor, support.directory(actor));
        conversations.changePriority(id, priority, actor);
        return detail(id, actor, model);
    }

    @PostMapping("/conversations/{id}/tags")
    String tags(@PathVariable long id, @RequestParam(defaultValue = "") String tags, Actor actor, Model model) {
        visible(id, actor, support.directory(actor));
        conversations.setTags(id, Arrays.stream(tags.split(",")).toList(), actor);
        return detail(id, actor, model);
    }

    /** Canned responses matching what the agent typed, with this conversation's placeholders filled in. */
    @GetMapping("/conversations/{id}/canned")
    String canned(@PathVariable long id, @RequestParam(defaultValue = "") String q, Actor actor, Model model) {
        Conversation c = visible(id, actor, support.directory(actor));
        Customer customer = customers.get(c.customerId(), actor);
        Map<String, String> values = new HashMap<>();
        values.put("customer.name", customer.name());
        values.put("customer.firstName", customer.name().split("\\s+")[0]);
        values.put("customer.email", customer.email() == null ? "" : customer.email());
        values.put("agent.name", actor.name());
        values.put("conversation.id", String.valueOf(id));
        model.addAttribute("responses", canned.search(q, actor).stream()
                .map(r -> new CannedView(r.shortcut(), r.title(), CannedResponseService.fill(r.body(), values))).toList());
        return "console/conversation :: canned";
    }

    /** A new canned response (supervisors and admins); answers the list found by its shortcut, filled in. */
    @PostMapping("/conversations/{id}/canned")
    String createCanned(@PathVariable long id, @RequestParam String shortcut, @RequestParam String title,
                        @RequestParam String body, Actor actor, Model model) {
        visible(id, actor, support.directory(actor));
        canned.create(shortcut.strip().replaceFirst("^/", ""), title, body, actor);
        return canned(id, shortcut.strip().replaceFirst("^/", ""), actor, model);
    }

    public record CannedView(String shortcut, String title, String text) {
    }

    private void addDetail(long id, Actor actor, Directory dir, Model model) {
        Conversation c = visible(id, actor, dir);
        if (actor.userId() != null) {
            mentions.markRead(actor.workspace(), id, actor.userId());
        }
        model.addAttribute("conversation", c);
        model.addAttribute("timeline", timeline(c, actor, dir));
        model.addAttribute("publicAndPrivate", support.hasPublicAndPrivate(c.channel()));
        model.addAttribute("replyWindow", replyWindow(c, actor));
        model.addAttribute("sla", sla.of(c.id(), actor));
        model.addAttribute("supervisor", actor.can(dev.conversa.kernel.Role.SUPERVISOR));
        model.addAttribute("statuses", ConversationStatus.values());
        model.addAttribute("priorities", Priority.values());
        customerPanel.addTo(model, c.customerId(), actor);
    }

    Conversation visible(long id, Actor actor, Directory dir) {
        Conversation c = conversations.get(id, actor);
        if (!inbox.canSee(c, dir.myTeams(), actor)) {
            // Same answer as for a conversation of another workspace: its existence is not disclosed.
            throw new NotFoundException("conversation", id);
        }
        return c;
    }

    static final String TEMPLATE = "/template ";

    /** The reply window now: from the channel's declared window and the customer's last message. */
    ReplyWindow replyWindow(Conversation c, Actor actor) {
        java.time.Duration window = support.replyWindow(c.channel());
        if (window == null) {
            return ReplyWindow.NONE;
        }
        java.time.Instant last = messages.lastInbound(c.workspaceId(), c.id()).map(Message::createdAt).orElse(null);
        return ReplyWindow.of(window, last, java.time.Instant.now());
    }

    List<TimelineEntry> timeline(Conversation c, Actor actor, Directory dir) {
        List<TimelineEntry> out = new ArrayList<>();
        String customerName = customers.get(c.customerId(), actor).name();
        List<Message> list = messages.list(c.id(), new Paging(0, Paging.MAX_SIZE), actor).items();
        // Sanitised when stored; sanitised again here so the template's th:utext never sees anything else.
        Map<Long, String> formatted = html.find(actor.workspace(), list.stream().map(Message::id).toList());
        for (Message m : list) {
            String author = m.direction() == Direction.IN ? customerName
                    : m.authorId() == null ? "Conversa" : dir.userName(m.authorId());
            out.add(new TimelineEntry("message", m.id(), c.channel(), m.direction(), m.visibility(), author, m.body(),
                    MessageHtml.sanitise(formatted.get(m.id())), m.deliveryStatus(), m.deliveryError(),
                    m.sentiment() == null ? null : m.sentiment().toUpperCase(Locale.ROOT),
                    m.direction() == Direction.IN && m.visibility() == Visibility.PUBLIC && m.externalId() != null,
                    m.createdAt()));
        }
        for (ConversationNote n : conversations.notes(c.id(), actor)) {
            out.add(new TimelineEntry("note", n.id(), c.channel(), null, null, dir.userName(n.authorId()), n.body(), null,
                    null, null, null, false, n.createdAt()));
        }
        out.sort(Comparator.comparing(TimelineEntry::at));
        return out;
    }

    private static boolean matches(UserAccount user, String handle) {
        String local = user.email().substring(0, user.email().indexOf('@')).toLowerCase(Locale.ROOT);
        String first = user.name().split("\\s+")[0].toLowerCase(Locale.ROOT);
        String joined = user.name().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        return handle.equals(local) || handle.equals(first) || handle.equals(joined);
    }
}
