package dev.conversa.mention;

import dev.conversa.lease.Lease;
import dev.conversa.lease.LeaseLost;
import dev.conversa.lease.Leases;
import dev.conversa.kernel.Backoff;
import dev.conversa.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Judges each alert rule once per hour that ended: the hour's count against the same hour of the week in the last
 * weeks ({@link SeasonalBaseline}). Runs as a {@link Worker} every {@code tick}; the time is the injected
 * {@link Clock}'s. Each workspace's rules are evaluated by the node holding the lease {@code listening-alerts:<ws>},
 * and an alert is written under that lease's fence, so on a cluster an hour raises one alert however many nodes run.
 * Only the latest ended hour is judged: hours that ended while no node ran are not judged afterwards.
 */
@Component
class AlertEvaluator extends Worker {
    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);
    static final Duration WINDOW = Duration.ofHours(1);

    private final AlertStore store;
    private final TopicStore topics;
    private final TopicFigureStore figures;
    private final AlertDeliveries deliveries;
    private final Leases leases;
    private final TransactionTemplate tx;
    private final AlertProperties properties;
    private final Clock clock;

    AlertEvaluator(AlertStore store, TopicStore topics, TopicFigureStore figures, AlertDeliveries deliveries, Leases leases,
                   PlatformTransactionManager transactions, AlertProperties properties, ObjectProvider<Clock> clock) {
        super("listening-alerts", new Backoff(properties.tick(), properties.tick().multipliedBy(10)));
        this.store = store;
        this.topics = topics;
        this.figures = figures;
        this.deliveries = deliveries;
        this.leases = leases;
        this.tx = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    static String leaseName(long workspaceId) {
        return "listening-alerts:" + workspaceId;
    }

    /** One round over every workspace whose lease this node holds or can take; returns the alerts raised. */
    int evaluateAll() {
        Instant now = clock.instant();
        int raised = 0;
        for (long ws : store.workspacesWithRules()) {
            Optional<Lease> lease = leases.hold(leaseName(ws));
            if (lease.isEmpty()) {
                continue; // another node judges this workspace
            }
            for (AlertRule rule : store.rules(ws)) {
                try {
                    raised += evaluate(ws, rule, now, lease.get()) ? 1 : 0;
                } catch (LeaseLost e) {
                    log.info("Listening alerts of workspace {}: {}; another node goes on", ws, e.getMessage());
                    break;
                }
            }
        }
        return raised;
    }

    private boolean evaluate(long ws, AlertRule rule, Instant now, Lease lease) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(WINDOW);
        Optional<Instant> until = store.evaluatedUntil(rule.id());
        if (until.isPresent() && !until.get().isBefore(end)) {
            return false;
        }
        Topic topic = topics.topic(ws, rule.topicId()).orElse(null);
        if (topic == null) {
            return false;
        }
        if (rule.kind() == AlertKind.KEYWORD) {
            return withoutBaseline(ws, rule, topic, start, end, now, lease,
                    figures.postsWith(ws, topic.id(), start, end, rule.term()));
        }
        if (rule.kind() == AlertKind.INFLUENCER) {
            return withoutBaseline(ws, rule, topic, start, end, now, lease,
                    figures.postsByFollowed(ws, topic.id(), start, end, rule.minFollowers()));
        }
        long observed = count(ws, rule, start, end);
        List<Long> past = new ArrayList<>();
        for (int week = 1; week <= rule.baselineWeeks(); week++) {
            Duration back = Duration.ofDays(7L * week);
            past.add(count(ws, rule, start.minus(back), end.minus(back)));
        }
        SeasonalBaseline baseline = SeasonalBaseline.of(past);
        double z = baseline.z(observed);
        boolean cooling = rule.lastFiredAt() != null
                && rule.lastFiredAt().plus(Duration.ofMinutes(rule.cooldownMinutes())).isAfter(now);
        boolean fires = observed >= rule.minCount() && z >= rule.threshold() && !cooling;
        Alert alert = fires ? explain(ws, rule, topic, start, end, observed, baseline, z, past, now) : null;
        return record(ws, rule, end, now, lease, alert);
    }

    /**
     * The hour's posts with the term (KEYWORD) or by widely followed authors (INFLUENCER), most followed first; no
     * baseline: the first hour with {@code minCount} of them fires.
     */
    private boolean withoutBaseline(long ws, AlertRule rule, Topic topic, Instant start, Instant end, Instant now,
                                    Lease lease, List<Mention> posts) {
        boolean cooling = rule.lastFiredAt() != null
                && rule.lastFiredAt().plus(Duration.ofMinutes(rule.cooldownMinutes())).isAfter(now);
        boolean fires = posts.size() >= rule.minCount() && !cooling;
        Alert alert = null;
        if (fires) {
            List<Alert.Sample> samples = posts.stream().limit(3).map(AlertEvaluator::sample).toList();
            alert = new Alert(0, rule.id(), topic.id(), topic.name(), rule.kind(), start, end, posts.size(), 0, 0, 0, 0,
                    List.of(), TopTerms.of(posts.stream().map(Mention::body).toList(), 5),
                    figures.topAuthors(ws, topic.id(), start, end, 5), samples, now, null, null);
        }
        return record(ws, rule, end, now, lease, alert);
    }

    private static Alert.Sample sample(Mention m) {
        return new Alert.Sample(m.id(), m.author(), m.body().length() > 500 ? m.body().substring(0, 500) : m.body(), m.url());
    }

    private boolean record(long ws, AlertRule rule, Instant end, Instant now, Lease lease, Alert alert) {
        boolean fires = alert != null;
        Long id = tx.execute(status -> {
            lease.fence();
            store.evaluated(rule.id(), end, fires ? now : null);
            return fires ? store.insertAlert(ws, alert) : null;
        });
        if (id == null) {
            return false;
        }
        log.info("Listening alert {}: {}", id, store.alert(ws, id).orElseThrow().headline());
        deliveries.wakeAfterCommit(); // its email and webhook go out from the delivery queue, retried there
        return true;
    }

    private long count(long ws, AlertRule rule, Instant from, Instant to) {
        TopicFigureStore.Totals t = figures.totals(ws, rule.topicId(), from, to);
        return rule.kind() == AlertKind.SPIKE ? t.volume() : t.negative();
    }

    private Alert explain(long ws, AlertRule rule, Topic topic, Instant start, Instant end, long observed,
                          SeasonalBaseline baseline, double z, List<Long> past, Instant now) {
        List<Alert.Sample> samples = figures.topPosts(ws, topic.id(), start, end, 3).stream()
                .map(m -> new Alert.Sample(m.id(), m.author(), m.body().length() > 500 ? m.body().substring(0, 500) : m.body(),
                        m.url()))
                .toList();
        return new Alert(0, rule.id(), topic.id(), topic.name(), rule.kind(), start, end, observed, baseline.median(),
                baseline.low(rule.threshold()), baseline.high(rule.threshold()), z, past,
                TopTerms.of(figures.recentBodies(ws, topic.id(), start, end, TopicService.TERM_SAMPLE), 5),
                figures.topAuthors(ws, topic.id(), start, end, 5), samples, now, null, null);
    }

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected Duration firstRoundAfter() {
        return properties.tick();
    }

    @Override
    protected Duration round() {
        evaluateAll();
        return properties.tick();
    }
}
