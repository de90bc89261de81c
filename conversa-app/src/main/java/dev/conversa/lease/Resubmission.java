package dev.conversa.lease;

import dev.conversa.kernel.Backoff;
import dev.conversa.worker.Worker;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Resubmits the event publications whose listener did not complete (the node crashed, or the listener failed), on
 * the one node holding the lease {@code event-publications}, instead of Spring Modulith's resubmission on every node
 * that starts ({@code spring.modulith.events.republish-outstanding-events-on-restart} is off). Only publications older
 * than {@code conversa.events.resubmit-older-than} are resubmitted: a younger one may still be running its listener.
 */
@Component
class Resubmission extends Worker {
    static final String LEASE = "event-publications";

    private final Leases leases;
    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;
    private final Duration every;
    private final Duration firstAfter;

    Resubmission(Leases leases, IncompleteEventPublications incomplete,
                 @Value("${conversa.events.resubmit-older-than:2m}") Duration olderThan,
                 @Value("${conversa.events.resubmit-every:60s}") Duration every,
                 @Value("${conversa.events.resubmit-first-after:10s}") Duration firstAfter) {
        super("event-resubmission", new Backoff(every, every.multipliedBy(10)));
        this.leases = leases;
        this.incomplete = incomplete;
        this.olderThan = olderThan;
        this.every = every;
        this.firstAfter = firstAfter;
    }

    @Override
    protected Duration firstRoundAfter() {
        return firstAfter;
    }

    @Override
    protected Duration round() {
        resubmit();
        return every;
    }

    /** One round: resubmits if this node holds the lease. */
    void resubmit() {
        if (leases.hold(LEASE).isPresent()) {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        }
    }
}
