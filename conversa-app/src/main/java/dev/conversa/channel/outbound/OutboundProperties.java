package dev.conversa.channel.outbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbound dispatcher ({@code conversa.channels.outbound.*}). An inbox may override the backoff and the
 * number of attempts with its settings {@code retryBackoffMs} and {@code maxAttempts}.
 *
 * @param pollInterval   how often the worker looks for due deliveries when nothing woke it
 * @param initialBackoff wait after the first failed attempt; doubles with each further one
 * @param maxBackoff     longest wait between two attempts
 * @param maxAttempts    attempts before a message is marked FAILED (an agent can still retry it)
 * @param lease          how long a worker owns a delivery; a longer send is taken over by another worker
 * @param concurrency    deliveries in flight at once on this node
 */
@ConfigurationProperties("conversa.channels.outbound")
public record OutboundProperties(Duration pollInterval, Duration initialBackoff, Duration maxBackoff, Integer maxAttempts,
                                 Duration lease, Integer concurrency) {
    public OutboundProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(2) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        concurrency = concurrency == null ? 16 : concurrency;
    }
}
