package dev.conversa.mention;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Alert rules of a workspace's topics and the alerts they raised. Supervisors and admins manage rules; every agent
 * reads the alerts. A workspace's alerts are also an Atom feed at a secret URL ({@link #feedSecret}).
 */
@Service
public class AlertService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AlertStore store;
    private final TopicStore topics;
    private final Clock clock;

    AlertService(AlertStore store, TopicStore topics, ObjectProvider<Clock> clock) {
        this.store = store;
        this.topics = topics;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * What a rule is made of; {@code null} numbers take the defaults: 4 baseline weeks, threshold 3.5, minimum 10
     * posts (1 for INFLUENCER), 6 hours' cooldown. KEYWORD needs {@code term}, INFLUENCER {@code minFollowers}.
     */
    public record AlertRuleInput(String kind, Integer baselineWeeks, Double threshold, Integer minCount, Integer cooldownMinutes,
                            List<String> emailTo, String webhookUrl, String term, Long minFollowers) {
    }

    private static final String KINDS = "kind is SPIKE, NEGATIVE_SURGE, KEYWORD or INFLUENCER";

    /** @return the rule with its webhook secret (the only time it is shown) */
    public AlertRule createRule(long topicId, AlertRuleInput input, Actor actor) {
        actor.require(Role.SUPERVISOR);
        long ws = actor.workspace();
        topics.topic(ws, topicId).orElseThrow(() -> new NotFoundException("topic", topicId));
        if (input == null) {
            throw new InvalidInputException("kind", KINDS);
        }
        AlertKind kind;
        try {
            kind = AlertKind.valueOf(input.kind() == null ? "" : input.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", KINDS);
        }
        String term = input.term() == null || input.term().isBlank() ? null : input.term().strip().toLowerCase(Locale.ROOT);
        if (kind == AlertKind.KEYWORD && (term == null || term.length() > 100)) {
            throw new InvalidInputException("term", "a KEYWORD rule has a term of 1 to 100 characters");
        }
        if (kind != AlertKind.KEYWORD) {
            term = null;
        }
        Long minFollowers = null;
        if (kind == AlertKind.INFLUENCER) {
            minFollowers = input.minFollowers();
            if (minFollowers == null || minFollowers < 1 || minFollowers > 1_000_000_000L) {
                throw new InvalidInputException("minFollowers", "an INFLUENCER rule has minFollowers, 1 to 1,000,000,000");
            }
        }
        int weeks = within("baselineWeeks", input.baselineWeeks(), 4, 1, 12);
        double threshold = input.threshold() == null ? 3.5 : input.threshold();
        if (!(threshold > 0 && threshold <= 100)) {
            throw new InvalidInputException("threshold", "threshold is a robust z-score above 0, at most 100");
        }
        int minCount = within("minCount", input.minCount(), kind == AlertKind.INFLUENCER ? 1 : 10, 1, 1_000_000);
        int cooldown = within("cooldownMinutes", input.cooldownMinutes(), 360, 60, 10_080);
        List<String> to = input.emailTo() == null ? List.of() : input.emailTo().stream().map(String::strip).toList();
        if (to.size() > 20 || !to.stream().allMatch(AlertDelivery::address) || String.join(",", to).length() > 1000) {
            throw new InvalidInputException("emailTo", "emailTo is up to 20 email addresses");
        }
        String url = input.webhookUrl() == null || input.webhookUrl().isBlank() ? null : input.webhookUrl().strip();
        if (url != null && !webUrl(url)) {
            throw new InvalidInputException("webhookUrl", "webhookUrl is an absolute http or https URL");
        }
        String secret = url == null ? null : random(24);
        long id = store.insertRule(ws, topicId, kind, weeks, threshold, minCount, cooldown,
                to.isEmpty() ? null : String.join(",", to), url, secret, clock.instant(), term, minFollowers);
        return store.rule(ws, id).orElseThrow();
    }

    public List<AlertRule> rules(Actor actor) {
        return store.rules(actor.workspace()).stream().map(AlertRule::withoutSecret).toList();
    }

    public void deleteRule(long id, Actor actor) {
        actor.require(Role.SUPERVISOR);
        if (!store.deleteRule(actor.workspace(), id)) {
            throw new NotFoundException("alert rule", id);
        }
    }

    /** The newest alerts first, at most 200. */
    public List<Alert> alerts(Actor actor) {
        return store.alerts(actor.workspace(), 200);
    }

    public Alert alert(long id, Actor actor) {
        return store.alert(actor.workspace(), id).orElseThrow(() -> new NotFoundException("alert", id));
    }

    /** The secret of the workspace's alert feed, made on first ask (supervisors). */
    public String feedSecret(Actor actor) {
        actor.require(Role.SUPERVISOR);
        long ws = actor.workspace();
        return store.feedSecret(ws).orElseGet(() -> store.createFeedSecret(ws, random(24)));
    }

    /** The alerts of the workspace whose feed has this secret; empty for an unknown secret. */
    public Optional<List<Alert>> feed(String secret) {
        if (secret == null || !secret.matches("[0-9a-f]{48}")) {
            return Optional.empty();
        }
        return store.workspaceOfFeed(secret).map(ws -> store.alerts(ws, 50));
    }

    private static int within(String field, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new InvalidInputException(field, field + " is " + min + " to " + max);
        }
        return v;
    }

    private static boolean webUrl(String url) {
        try {
            URI u = URI.create(url);
            return u.isAbsolute() && u.getHost() != null && url.length() <= 2000
                    && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
