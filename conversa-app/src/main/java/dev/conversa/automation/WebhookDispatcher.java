package dev.conversa.automation;

import dev.conversa.worker.QueueWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Delivers the webhooks rules queued in {@code automation_webhook}. A worker claims due rows with a lease, makes one
 * signed attempt each on a virtual thread, and records the outcome with its log line in one commit of its own, right
 * after the receiver answered: a 2xx is DELIVERED, anything else is tried again with {@link WebhookBackoff} until the
 * last attempt makes it DEAD. On shutdown the worker stops claiming and lets attempts in flight finish; a row whose
 * node died mid-attempt is taken over when its lease expires.
 */
@Component
class WebhookDispatcher extends QueueWorker<WebhookQueue.Claimed> {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookQueue queue;
    private final WebhookSecrets secrets;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final WebhookBackoff backoff;
    private final TransactionOperations transactions;
    private final String owner = "node-" + UUID.randomUUID();

    WebhookDispatcher(WebhookQueue queue, WebhookSecrets secrets, WebhookSender sender, WebhookProperties properties,
                      TransactionOperations transactions) {
        // attempts in flight at shutdown finish and record their outcome, so a restart does not send them again
        super("automation-webhooks", properties.concurrency(), properties.pollInterval(), properties.timeout().plusSeconds(5));
        this.queue = queue;
        this.secrets = secrets;
        this.sender = sender;
        this.properties = properties;
        this.backoff = properties.backoff();
        this.transactions = transactions;
    }

    /** Queues a webhook in the caller's transaction; the worker looks at it once that transaction commits. */
    long enqueue(WebhookQueue.NewWebhook webhook) {
        long id = queue.enqueue(webhook, Instant.now());
        wakeAfterCommit();
        return id;
    }


    private void attempt(WebhookQueue.Claimed w) {
        WebhookSender.Answer answer;
        try {
            answer = sender.send(w, secrets.current(w.workspaceId()).secret());
        } catch (RuntimeException e) {
            // no secret could be read or made (a changed CONVERSA_SECRET_KEY): an unsigned webhook is never sent
            answer = new WebhookSender.Answer(null, 0, null, "not sent: " + e.getMessage());
        }
        record(w, answer);
    }

    private void record(WebhookQueue.Claimed w, WebhookSender.Answer answer) {
        Instant now = Instant.now();
        if (answer.delivered()) {
            settle(w, answer, WebhookStatus.DELIVERED, null, now);
            return;
        }
        Optional<Duration> wait = backoff.next(w.attempts(), answer.retryAfter(), ThreadLocalRandom.current().nextDouble());
        if (wait.isPresent()) {
            settle(w, answer, WebhookStatus.PENDING, now.plus(wait.get()), now);
        } else {
            log.warn("Automation webhook {} to {} is a dead letter after {} attempts: {}", w.deliveryId(), w.url(),
                    w.attempts(), answer.error());
            settle(w, answer, WebhookStatus.DEAD, null, now);
        }
    }

    private void settle(WebhookQueue.Claimed w, WebhookSender.Answer answer, WebhookStatus status, Instant next, Instant now) {
        String outcome = status == WebhookStatus.PENDING ? "RETRY" : status.name();
        try {
            transactions.executeWithoutResult(tx -> {
                if (queue.settle(w, owner, status, answer.statusCode(), answer.error(), next, now)) {
                    queue.logAttempt(w.id(), w.attempts(), now.minusMillis(answer.latencyMs()), answer.statusCode(),
                            answer.latencyMs(), outcome, answer.error());
                }
            });
        } catch (RuntimeException e) {
            // The lease runs out and another attempt follows: a receiver may see this webhook twice, never zero times.
            log.error("Automation webhook {} was attempted ({}) but its outcome could not be recorded", w.deliveryId(),
                    outcome, e);
        }
    }

    /**
     * Makes every attempt due now on the calling thread and answers how many it made. The background worker does
     * the same on its own; tests call this to avoid waiting.
     */
    int runOnce() {
        int made = 0;
        for (long id : queue.due(Instant.now(), 100)) {
            Optional<WebhookQueue.Claimed> claimed = claim(id, Instant.now());
            if (claimed.isPresent()) {
                made++;
                attempt(claimed.get());
            }
        }
        return made;
    }

    @Override
    protected List<Long> due(Instant now, int max) {
        return queue.due(now, max);
    }

    @Override
    protected Optional<WebhookQueue.Claimed> claim(long id, Instant now) {
        return queue.claim(id, owner, now, now.plus(properties.lease()));
    }

    @Override
    protected void process(WebhookQueue.Claimed claimed) {
        attempt(claimed);
    }
}
