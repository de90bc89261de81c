package dev.conversa.lease;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Renews this node's leases every third of their duration, on its own thread so a busy poller cannot starve it.
 * Starts before and stops after the work it guards (a lower phase), and releases every lease when it stops.
 */
@Component
class LeaseRenewal implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LeaseRenewal.class);

    private final Leases leases;
    private volatile Thread thread;

    LeaseRenewal(Leases leases) {
        this.leases = leases;
    }

    @Override
    public void start() {
        thread = Thread.ofPlatform().daemon().name("lease-renewal").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(leases.duration().dividedBy(3));
                    leases.renew();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    // the leases run out by themselves if this keeps failing, and their work stops
                    log.warn("Renewing leases failed: {}", e.toString());
                }
            }
        });
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        leases.releaseAll();
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
