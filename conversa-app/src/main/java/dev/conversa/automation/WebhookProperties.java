package dev.conversa.automation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery of automation webhooks ({@code conversa.automation.webhooks.*}).
 *
 * @param pollInterval   how often the worker looks for due webhooks when nothing woke it
 * @param initialBackoff wait after the first failed attempt; doubles with each further one
 * @param maxBackoff     longest wait between two attempts (a receiver's {@code Retry-After} may ask for more, up to
 *                       {@link WebhookBackoff#MAX_RETRY_AFTER})
 * @param maxAttempts    attempts before a webhook goes to the dead letters
 * @param timeout        how long one attempt may take, connecting included
 * @param lease          how long a worker owns a claimed webhook; after that another worker may take it over
 * @param concurrency    attempts in flight at once on this node
 */
@ConfigurationProperties("conversa.automation.webhooks")
record WebhookProperties(Duration pollInterval, Duration initialBackoff, Duration maxBackoff, Integer maxAttempts,
                         Duration timeout, Duration lease, Integer concurrency) {
    WebhookProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofHours(2) : maxBackoff;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        concurrency = concurrency == null ? 8 : concurrency;
    }

    WebhookBackoff backoff() {
        return new WebhookBackoff(initialBackoff, maxBackoff, maxAttempts);
    }
}
