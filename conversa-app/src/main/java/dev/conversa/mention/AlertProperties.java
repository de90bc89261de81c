package dev.conversa.mention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Listening alerts ({@code conversa.listening.alerts.*}).
 *
 * @param enabled whether this node evaluates alert rules (each workspace's rules on one node at a time, by lease)
 * @param tick    how often the evaluator looks for hours that ended
 * @param timeout how long a webhook delivery may take
 * @param from    the sender of alert emails (mail goes through Spring Boot's {@code spring.mail.*}; without
 *                {@code spring.mail.host} no email is sent and the alert says so)
 * @param deliveryAttempts attempts of a failed email or webhook before it is given up (default 6)
 * @param retryBackoff     wait after the first failed attempt, doubling after each further one (default 1 minute:
 *                         the sixth attempt comes about 31 minutes after the alert)
 * @param allowPrivateAddresses whether a webhook may go to a loopback, private, link-local or shared address (default
 *                false: a supervisor must not make the server call the installation's internal network)
 */
@ConfigurationProperties("conversa.listening.alerts")
record AlertProperties(Boolean enabled, Duration tick, Duration timeout, String from, boolean allowPrivateAddresses,
                       Integer deliveryAttempts, Duration retryBackoff) {
    AlertProperties {
        enabled = enabled == null || enabled;
        tick = tick == null ? Duration.ofMinutes(1) : tick;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        from = from == null || from.isBlank() ? "conversa@localhost" : from;
        deliveryAttempts = deliveryAttempts == null ? 6 : Math.max(1, deliveryAttempts);
        retryBackoff = retryBackoff == null ? Duration.ofMinutes(1) : retryBackoff;
    }
}
