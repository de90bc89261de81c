package dev.conversa.web;

import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.WaitingCount;
import dev.conversa.csat.CsatFigures;
import dev.conversa.csat.CsatService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Role;
import dev.conversa.reporting.BreakdownReports;
import dev.conversa.sla.SlaKind;
import dev.conversa.workspace.AgentStatus;
import dev.conversa.workspace.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The floor's wallboard: who waits where and for how long, which agents can take work, how today went against the
 * first-response target and in CSAT. The page listens to the console's live events (fed from Kafka on a cluster)
 * and fetches its figures again on each conversation change.
 */
@Controller
class WallboardController {
    private final ConversationService conversations;
    private final BreakdownReports reports;
    private final CsatService csat;
    private final ConsoleSupport console;

    WallboardController(ConversationService conversations, BreakdownReports reports, CsatService csat,
                        ConsoleSupport console) {
        this.conversations = conversations;
        this.reports = reports;
        this.csat = csat;
        this.console = console;
    }

    /** One queue line: an inbox or a team, its waiting conversations and its longest wait. */
    record Queue(String key, String name, long waiting, String longestWait) {
    }

    @GetMapping("/wallboard")
    String page(Actor actor, Model model) {
        figures(actor, model);
        return "wallboard";
    }

    @GetMapping("/wallboard/figures")
    String fragment(Actor actor, Model model) {
        figures(actor, model);
        return "wallboard :: figures";
    }

    private void figures(Actor actor, Model model) {
        actor.require(Role.SUPERVISOR);
        Directory directory = console.directory(actor);
        Instant now = Instant.now();
        List<WaitingCount> waiting = conversations.waiting(actor);
        model.addAttribute("waitingTotal", waiting.stream().mapToLong(WaitingCount::waiting).sum());
        model.addAttribute("longestWait", waiting.stream().map(WaitingCount::oldestWaitingSince).min(Instant::compareTo)
                .map(since -> ReportsController.duration(Math.max(0, Duration.between(since, now).toSeconds()))).orElse("–"));
        model.addAttribute("byInbox", queues(waiting, w -> Long.toString(w.inboxId()),
                w -> directory.inboxName(w.inboxId()), now));
        model.addAttribute("byTeam", queues(waiting, w -> w.teamId() == null ? "none" : Long.toString(w.teamId()),
                w -> w.teamId() == null ? null : directory.teamName(w.teamId()), now));

        Map<AgentStatus, Long> agents = new TreeMap<>();
        for (AgentStatus s : AgentStatus.values()) {
            agents.put(s, 0L);
        }
        directory.users().stream().filter(UserAccount::active).forEach(u -> agents.merge(u.status(), 1L, Long::sum));
        model.addAttribute("agents", agents);

        ZoneId zone = ZoneId.of(console.timeZone(actor));
        Instant today = LocalDate.now(zone).atStartOfDay(zone).toInstant();
        BreakdownReports.SlaTarget first = reports.sla(today, now.plusSeconds(1), actor).targets().stream()
                .filter(t -> t.kind() == SlaKind.FIRST_RESPONSE).findFirst().orElseThrow();
        model.addAttribute("firstResponse", first);
        model.addAttribute("withinTarget", percent(first.achievement()));
        CsatFigures satisfaction = csat.report(today, now.plusSeconds(1), actor).overall();
        model.addAttribute("csat", satisfaction);
        model.addAttribute("csatPercent", satisfaction == null || satisfaction.satisfiedPercent() == null ? "–"
                : Math.round(satisfaction.satisfiedPercent()) + " %");
        model.addAttribute("zone", zone);
    }

    private static List<Queue> queues(List<WaitingCount> waiting, Function<WaitingCount, String> key,
                                      Function<WaitingCount, String> name, Instant now) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Instant> oldest = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (WaitingCount w : waiting) {
            String k = key.apply(w);
            counts.computeIfAbsent(k, x -> new long[1])[0] += w.waiting();
            oldest.merge(k, w.oldestWaitingSince(), (a, b) -> a.isBefore(b) ? a : b);
            names.putIfAbsent(k, name.apply(w));
        }
        List<Queue> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new Queue(k, names.get(k), n[0],
                ReportsController.duration(Math.max(0, Duration.between(oldest.get(k), now).toSeconds())))));
        return out;
    }

    private static String percent(Double share) {
        return share == null ? "–" : Math.round(share * 1000) / 10.0 + " %";
    }
}
