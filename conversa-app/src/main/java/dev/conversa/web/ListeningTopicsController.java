package dev.conversa.web;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Role;
import dev.conversa.mention.AlertService;
import dev.conversa.mention.ShareOfVoice;
import dev.conversa.mention.Topic;
import dev.conversa.mention.TopicFigures;
import dev.conversa.mention.TopicKind;
import dev.conversa.mention.TopicService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The console's listening dashboards: the workspace's topics (supervisors group queries into them), one topic's
 * figures with a server-rendered SVG trend and the brand's share of voice, its alert rules and the alert history.
 */
@Controller
class ListeningTopicsController {
    /** The ranges the dashboard offers, in days. */
    static final List<Integer> RANGES = List.of(1, 7, 30, 90);

    private final TopicService topics;
    private final AlertService alerts;
    private final dev.conversa.mention.MentionService mentions;
    private final Clock clock;

    ListeningTopicsController(TopicService topics, AlertService alerts, dev.conversa.mention.MentionService mentions,
                              ObjectProvider<Clock> clock) {
        this.topics = topics;
        this.alerts = alerts;
        this.mentions = mentions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A bar of the trend chart, in the SVG's units (100 high, {@code width} per bucket). */
    record Bar(double x, double width, double height, double negative, Instant start, long volume, long negatives) {
    }

    @GetMapping("/listening/topics")
    String overview(Actor actor, Model model) {
        workspaceOnly(actor);
        model.addAttribute("topics", topics.list(actor));
        model.addAttribute("queries", mentions.queries(actor));
        model.addAttribute("kinds", TopicKind.values());
        model.addAttribute("alerts", alerts.alerts(actor));
        boolean supervisor = actor.can(Role.SUPERVISOR);
        model.addAttribute("supervisor", supervisor);
        if (supervisor) {
            model.addAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/feeds/listening-alerts/" + alerts.feedSecret(actor)).toUriString());
        }
        return "listening-topics";
    }

    @PostMapping("/listening/topics")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(required = false) List<Long> queryIds, Actor actor) {
        workspaceOnly(actor);
        return "redirect:/listening/topics/" + topics.create(name, kind, queryIds, actor).id();
    }

    @GetMapping("/listening/topics/{id}")
    String dashboard(@PathVariable long id, @RequestParam(defaultValue = "7") int days,
                     @RequestParam(required = false) String interval, Actor actor, Model model) {
        workspaceOnly(actor);
        Topic topic = topics.get(id, actor);
        int range = RANGES.contains(days) ? days : 7;
        String width = interval == null ? (range <= 1 ? "hour" : range <= 30 ? "day" : "week") : interval;
        // whole hours, so the last bar is the running hour and the chart does not shift every second
        Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        TopicFigures figures = topics.figures(id, to.minus(Duration.ofDays(range)), to, width, actor);
        model.addAttribute("topic", topic);
        model.addAttribute("figures", figures);
        model.addAttribute("bars", bars(figures.trend()));
        model.addAttribute("days", range);
        model.addAttribute("ranges", RANGES);
        model.addAttribute("interval", figures.interval().name().toLowerCase(java.util.Locale.ROOT));
        if (topic.kind() == TopicKind.BRAND) {
            ShareOfVoice sov = topics.shareOfVoice(id, figures.from(), figures.to(), actor);
            model.addAttribute("sov", sov);
        }
        model.addAttribute("rules", alerts.rules(actor).stream().filter(r -> r.topicId() == id).toList());
        model.addAttribute("alerts", alerts.alerts(actor).stream().filter(a -> a.topicId() == id).toList());
        model.addAttribute("alertKinds", dev.conversa.mention.AlertKind.values());
        model.addAttribute("supervisor", actor.can(Role.SUPERVISOR));
        return "listening-topic";
    }

    @PostMapping("/listening/topics/{id}/delete")
    String delete(@PathVariable long id, Actor actor) {
        workspaceOnly(actor);
        topics.delete(id, actor);
        return "redirect:/listening/topics";
    }

    @PostMapping("/listening/topics/{id}/alert-rules")
    String addRule(@PathVariable long id, @RequestParam(defaultValue = "") String kind,
                   @RequestParam(required = false) Integer baselineWeeks, @RequestParam(required = false) Double threshold,
                   @RequestParam(required = false) Integer minCount, @RequestParam(required = false) Integer cooldownMinutes,
                   @RequestParam(defaultValue = "") String emailTo, @RequestParam(defaultValue = "") String webhookUrl,
                   @RequestParam(defaultValue = "") String term, @RequestParam(required = false) Long minFollowers,
                   Actor actor) {
        workspaceOnly(actor);
        List<String> to = Arrays.stream(emailTo.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        alerts.createRule(id, new AlertService.AlertRuleInput(kind, baselineWeeks, threshold, minCount, cooldownMinutes, to,
                webhookUrl, term, minFollowers), actor);
        return "redirect:/listening/topics/" + id;
    }

    @PostMapping("/listening/alert-rules/{id}/delete")
    String deleteRule(@PathVariable long id, Actor actor) {
        workspaceOnly(actor);
        long topic = alerts.rules(actor).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new dev.conversa.kernel.NotFoundException("alert rule", id)).topicId();
        alerts.deleteRule(id, actor);
        return "redirect:/listening/topics/" + topic;
    }

    static List<Bar> bars(List<TopicFigures.Bucket> trend) {
        long max = Math.max(1, trend.stream().mapToLong(TopicFigures.Bucket::volume).max().orElse(1));
        double width = 1000.0 / Math.max(1, trend.size());
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < trend.size(); i++) {
            TopicFigures.Bucket b = trend.get(i);
            out.add(new Bar(i * width, Math.max(width * 0.8, 0.5), 100.0 * b.volume() / max, 100.0 * b.negative() / max,
                    b.start(), b.volume(), b.negative()));
        }
        return out;
    }

    private static void workspaceOnly(Actor actor) {
        if (actor.workspaceId() == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
