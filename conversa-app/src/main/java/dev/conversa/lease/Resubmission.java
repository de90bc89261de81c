package dev.conversa.lease;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits the event publications whose listener did not complete (the node crashed, or the listener failed), on
 * the one node holding the lease {@code event-publications}, instead of Spring Modulith's resubmission on every node
 * that starts ({@code spring.modulith.events.republish-outstanding-events-on-restart} is off). Only publications older
 * than {@code conversa.events.resubmit-older-than} are resubmitted: a younger one may still be running its listener.
 */
@Component
class Resubmission {
    static final String LEASE = "event-publications";
    private static final Logger log = LoggerFactory.getLogger(Resubmission.class);

    private final Leases leases;
    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    Resubmission(Leases leases, IncompleteEventPublications incomplete,
                 @Value("${conversa.events.resubmit-older-than:2m}") Duration olderThan) {
        this.leases = leases;
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${conversa.events.resubmit-every:60s}",
            initialDelayString = "${conversa.events.resubmit-first-after:10s}")
    void resubmit() {
        if (leases.hold(LEASE).isEmpty()) {
            return;
        }
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        } catch (RuntimeException e) {
            log.warn("Resubmitting incomplete event publications failed; trying again later", e);
        }
    }
}
