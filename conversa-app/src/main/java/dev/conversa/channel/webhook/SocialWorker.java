package dev.conversa.channel.webhook;

import dev.conversa.kernel.Backoff;
import dev.conversa.worker.Worker;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Processes the intake queue: woken by each new delivery, and every second for retries. */
@Component
class SocialWorker extends Worker {
    private final SocialDeliveryQueue queue;

    SocialWorker(SocialDeliveryQueue queue) {
        super("social-intake", new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)));
        this.queue = queue;
    }

    @Override
    protected Duration round() throws InterruptedException {
        if (queue.processDue() == 0) {
            queue.awaitWork(Duration.ofSeconds(1));
        }
        return Duration.ZERO;
    }
}
