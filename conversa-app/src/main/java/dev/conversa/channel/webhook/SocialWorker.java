package dev.conversa.channel.webhook;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Processes the intake queue on a virtual thread: woken by each new delivery, and every second for retries. */
@Component
class SocialWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SocialWorker.class);
    private final SocialDeliveryQueue queue;
    private volatile Thread thread;

    SocialWorker(SocialDeliveryQueue queue) {
        this.queue = queue;
    }

    @Override
    public void start() {
        thread = Thread.ofVirtual().name("social-intake").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    if (queue.processDue() == 0) {
                        queue.awaitWork(Duration.ofSeconds(1));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.warn("social intake worker: {}", e.toString());
                    sleep();
                }
            }
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
