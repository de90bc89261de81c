package dev.conversa.web;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import dev.conversa.mention.Mention;
import dev.conversa.mention.MentionService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's listening page: the workspace's standing queries (supervisors add and stop them) and the newest
 * mentions they found, with the matched terms highlighted. Post text is shown as text: the highlights are split
 * into segments here so the template never renders markup from a post.
 */
@Controller
class ListeningController {
    private final MentionService mentions;
    private final InboxService inboxes;

    ListeningController(MentionService mentions, InboxService inboxes) {
        this.mentions = mentions;
        this.inboxes = inboxes;
    }

    /** A piece of a post's text, highlighted when a query matched it. */
    record Segment(String text, boolean hit) {
    }

    /** @param caseInboxes where a case can be opened from it: inboxes of its network, and API inboxes */
    record MentionView(Mention mention, List<Segment> segments, List<Inbox> caseInboxes) {
    }

    @GetMapping("/listening")
    String page(@RequestParam(required = false) Long queryId, @RequestParam(required = false) String sentiment,
                Actor actor, Model model) {
        fill(model, queryId, sentiment, actor);
        return "listening";
    }

    @PostMapping("/listening/queries")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String query, Actor actor,
                  Model model, HttpServletResponse response) {
        try {
            mentions.createQuery(name, query, actor);
        } catch (InvalidInputException e) {
            // the page again, with what was typed and why it was refused (e.g. the position of a syntax error)
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("draftName", name);
            model.addAttribute("draftQuery", query);
            fill(model, null, null, actor);
            return "listening";
        }
        return "redirect:/listening";
    }

    /** Proactive care: the mention becomes a case on the chosen inbox, and the agent lands in it. */
    @PostMapping("/listening/mentions/{id}/case")
    String openCase(@PathVariable long id, @RequestParam long inboxId, Actor actor) {
        return "redirect:/conversations/" + mentions.openCase(id, inboxId, actor);
    }

    @PostMapping("/listening/queries/{id}/delete")
    String delete(@PathVariable long id, Actor actor) {
        mentions.deleteQuery(id, actor);
        return "redirect:/listening";
    }

    private void fill(Model model, Long queryId, String sentiment, Actor actor) {
        if (actor.workspaceId() == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("queries", mentions.queries(actor));
        List<Inbox> all = inboxes.list(actor);
        model.addAttribute("mentions", mentions.mentions(queryId, sentiment, new Paging(0, 50), actor).map(m -> {
            ChannelType network = mentions.networkOf(m.source()).orElse(null);
            return new MentionView(m, segments(m), all.stream()
                    .filter(i -> i.channel() == ChannelType.API || i.channel() == network).toList());
        }));
        model.addAttribute("queryId", queryId);
        model.addAttribute("sentiment", sentiment);
        model.addAttribute("supervisor", actor.can(Role.SUPERVISOR));
    }

    static List<Segment> segments(Mention m) {
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (Mention.Highlight h : m.highlights()) {
            if (h.start() < at) {
                continue; // overlapping highlight: the earlier one already covers it
            }
            if (h.start() > at) {
                out.add(new Segment(m.body().substring(at, h.start()), false));
            }
            out.add(new Segment(m.body().substring(h.start(), h.end()), true));
            at = h.end();
        }
        if (at < m.body().length()) {
            out.add(new Segment(m.body().substring(at), false));
        }
        return out;
    }
}
