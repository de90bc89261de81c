package dev.conversa.lease;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Leases of singleton work ({@code conversa.leases.*}).
 *
 * @param duration   how long a lease lasts without renewal: the longest a dead node's work waits for another node
 *                   (default 15 s); renewed every third of it
 * @param retryEvery how often a node tries to take a lease another node holds (default a third of the duration)
 * @param scope      prefix of every lease name: the nodes of one installation share it (default none); independent
 *                   application contexts on one database, as the integration tests run, keep apart with their own
 */
@ConfigurationProperties("conversa.leases")
record LeaseProperties(Duration duration, Duration retryEvery, String scope) {
    LeaseProperties {
        scope = scope == null || scope.isBlank() ? "" : scope.strip() + ":";
        duration = duration == null ? Duration.ofSeconds(15) : duration;
        if (duration.toMillis() < 300) {
            throw new IllegalArgumentException("conversa.leases.duration must be at least 300ms, not " + duration);
        }
        retryEvery = retryEvery == null ? duration.dividedBy(3) : retryEvery;
    }

    Duration renewEvery() {
        return duration.dividedBy(3);
    }
}
