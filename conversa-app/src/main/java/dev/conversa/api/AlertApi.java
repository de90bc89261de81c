package dev.conversa.api;

import dev.conversa.kernel.Actor;
import dev.conversa.mention.Alert;
import dev.conversa.mention.AlertFeed;
import dev.conversa.mention.AlertRule;
import dev.conversa.mention.AlertService;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Listening", description = "Standing queries over the public stream and the mentions they find")
class AlertApi {
    static final String FEED = "/feeds/listening-alerts/";

    private final AlertService alerts;

    AlertApi(AlertService alerts) {
        this.alerts = alerts;
    }

    @PostMapping("/api/v1/listening/topics/{id}/alert-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Alert on a topic's spikes (SPIKE) or negative surges (NEGATIVE_SURGE) against the same hour of "
            + "past weeks, a term appearing (KEYWORD, with term) or authors with many followers posting (INFLUENCER, with "
            + "minFollowers)"
            + ", by email and/or a signed webhook (supervisors); the answer shows the webhook secret once")
    AlertRule create(@PathVariable long id, @RequestBody AlertService.AlertRuleInput input, Actor actor) {
        return alerts.createRule(id, input, actor);
    }

    @GetMapping("/api/v1/listening/alert-rules")
    List<AlertRule> rules(Actor actor) {
        return alerts.rules(actor);
    }

    @DeleteMapping("/api/v1/listening/alert-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an alert rule and its alerts (supervisors)")
    void delete(@PathVariable long id, Actor actor) {
        alerts.deleteRule(id, actor);
    }

    @GetMapping("/api/v1/listening/alerts")
    @Operation(summary = "The workspace's alerts, newest first (at most 200), each with its explanation")
    List<Alert> list(Actor actor) {
        return alerts.alerts(actor);
    }

    @GetMapping("/api/v1/listening/alerts/{id}")
    Alert get(@PathVariable long id, Actor actor) {
        return alerts.alert(id, actor);
    }

    record FeedUrl(String url) {
    }

    @GetMapping("/api/v1/listening/alert-feed")
    @Operation(summary = "The secret URL of the workspace's Atom feed of alerts, for a feed reader (supervisors)")
    FeedUrl feed(Actor actor) {
        return new FeedUrl(ServletUriComponentsBuilder.fromCurrentContextPath().path(FEED + alerts.feedSecret(actor))
                .toUriString());
    }

    /** The feed itself: no token, the URL's secret is the credential (feed readers send no headers). */
    @Hidden
    @GetMapping(FEED + "{secret}")
    ResponseEntity<String> atom(@PathVariable String secret) {
        String self = ServletUriComponentsBuilder.fromCurrentContextPath().path(FEED + secret).toUriString();
        return alerts.feed(secret)
                .map(list -> ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                        .body(AlertFeed.atom(list, self)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
