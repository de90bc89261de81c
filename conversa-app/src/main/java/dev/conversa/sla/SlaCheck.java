package dev.conversa.sla;

import dev.conversa.kernel.Backoff;
import dev.conversa.worker.Worker;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Runs the timers' warnings and escalations every {@code conversa.sla.check-interval-ms} (default 30 s). */
@Component
class SlaCheck extends Worker {
    private final SlaTimers timers;
    private final Duration every;

    SlaCheck(SlaTimers timers, @Value("${conversa.sla.check-interval-ms:30000}") long everyMillis) {
        super("sla-check", new Backoff(Duration.ofMillis(everyMillis), Duration.ofMillis(everyMillis).multipliedBy(10)));
        this.timers = timers;
        this.every = Duration.ofMillis(everyMillis);
    }

    @Override
    protected Duration firstRoundAfter() {
        return every;
    }

    @Override
    protected Duration round() {
        timers.scheduledCheck();
        return every;
    }
}
