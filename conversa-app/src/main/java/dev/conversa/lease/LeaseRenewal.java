package dev.conversa.lease;

import dev.conversa.kernel.Backoff;
import dev.conversa.worker.Worker;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Renews this node's leases every third of their duration, on a platform thread of its own so that busy virtual
 * threads cannot starve it. Starts before and stops after the work it guards (a lower phase), and releases every
 * lease when it stops. If renewing keeps failing, the leases run out by themselves and their work stops.
 */
@Component
class LeaseRenewal extends Worker {
    private final Leases leases;

    LeaseRenewal(Leases leases) {
        super("lease-renewal", retry(leases.duration()), true);
        this.leases = leases;
    }

    /** Retries within the lease's duration: the first after a tenth of it, then up to a third. */
    private static Backoff retry(Duration lease) {
        return new Backoff(lease.dividedBy(10), lease.dividedBy(3));
    }

    @Override
    protected Duration round() {
        leases.renew();
        return leases.duration().dividedBy(3);
    }

    @Override
    protected void stopped() {
        leases.releaseAll();
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
