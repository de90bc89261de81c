package dev.conversa.mention;

import dev.conversa.worker.QueueWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sends each fired alert by email and webhook and retries what failed: the alert row is the queue (it is written
 * with its delivery due, in the transaction that raises it, and any node's worker sends it from there). A route that failed (an SMTP error, a webhook that answered 5xx, 4xx or not at all) is
 * tried again after {@code retry-backoff}, doubling, up to {@code delivery-attempts} in all; a route that succeeded is
 * not sent again; a refusal (a private address) or a missing mail server is final. Times are the injected
 * {@link Clock}'s. A claim lasts a minute: a node that dies mid-send leaves the alert to be claimed again, so a route
 * may then be sent twice (at least once, never lost).
 */
@Component
class AlertDeliveries extends QueueWorker<AlertStore.PendingDelivery> {
    private static final Logger log = LoggerFactory.getLogger(AlertDeliveries.class);
    private static final Duration CLAIM = Duration.ofMinutes(1);

    private final AlertStore store;
    private final AlertDelivery delivery;
    private final AlertProperties properties;
    private final Clock clock;

    AlertDeliveries(AlertStore store, AlertDelivery delivery, AlertProperties properties, ObjectProvider<Clock> clock) {
        super("listening-alert-deliveries", 4, properties.tick(), Duration.ofSeconds(20));
        this.store = store;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected List<Long> due(Instant ignored, int max) {
        return store.deliveriesDue(clock.instant(), max);
    }

    @Override
    protected Optional<AlertStore.PendingDelivery> claim(long id, Instant ignored) {
        Instant now = clock.instant();
        return store.claimDelivery(id, now, now.plus(CLAIM));
    }

    @Override
    protected void process(AlertStore.PendingDelivery pending) {
        Optional<Alert> alert = store.alert(pending.workspaceId(), pending.alertId());
        Optional<AlertRule> rule = store.rule(pending.workspaceId(), pending.ruleId());
        int attempts = pending.attempts() + 1;
        if (alert.isEmpty() || rule.isEmpty()) {
            store.delivered(pending.alertId(), pending.emailStatus(), pending.webhookStatus(), attempts, null);
            return; // the rule was deleted since: nowhere to send it
        }
        boolean email = pending.emailStatus() == null || AlertDelivery.retryable(pending.emailStatus());
        boolean webhook = pending.webhookStatus() == null || AlertDelivery.retryable(pending.webhookStatus());
        AlertDelivery.Outcome outcome = delivery.deliver(alert.get(), rule.get(), email, webhook);
        String emailStatus = email ? outcome.email() : pending.emailStatus();
        String webhookStatus = webhook ? outcome.webhook() : pending.webhookStatus();
        boolean again = (AlertDelivery.retryable(emailStatus) || AlertDelivery.retryable(webhookStatus))
                && attempts < properties.deliveryAttempts();
        Instant next = again ? clock.instant().plus(backoff(attempts)) : null;
        store.delivered(pending.alertId(), label(emailStatus, attempts, next), label(webhookStatus, attempts, next),
                attempts, next);
        if (again) {
            log.info("Listening alert {}: delivery attempt {} failed (email: {}, webhook: {}); next at {}",
                    pending.alertId(), attempts, emailStatus, webhookStatus, next);
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: the backoff, doubled for each attempt before it. */
    Duration backoff(int attempts) {
        return properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
    }

    /** A failure says how many attempts it took and whether another comes; it still starts with "failed". */
    private String label(String status, int attempts, Instant next) {
        if (!AlertDelivery.retryable(status)) {
            return status;
        }
        String reason = status.replaceFirst("^failed[^:]*: ", "").replaceFirst("; retrying at .*$", "");
        return next != null
                ? "failed: " + reason + "; retrying at " + next + " (attempt " + attempts + " of " + properties.deliveryAttempts() + ")"
                : "failed after " + attempts + " attempts: " + reason;
    }
}
