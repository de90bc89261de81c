package dev.conversa.worker;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Every worker's figures: the health component {@code workers} (down when a running worker's loop has died; each
 * worker's rounds, failures in a row and last error in the details) and the metrics {@code conversa.worker.rounds},
 * {@code conversa.worker.failures} and {@code conversa.worker.failures.in.row}, tagged with the worker's name.
 */
@Component("workers")
class Workers implements HealthIndicator, SmartInitializingSingleton {
    private final ObjectProvider<Worker> workers;
    private final MeterRegistry registry;

    Workers(ObjectProvider<Worker> workers, MeterRegistry registry) {
        this.workers = workers;
        this.registry = registry;
    }

    List<Worker> all() {
        return workers.orderedStream().toList();
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        for (Worker worker : all()) {
            Worker.Status s = worker.status();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("running", s.running());
            d.put("rounds", s.rounds());
            d.put("failuresInRow", s.failuresInRow());
            if (s.lastSuccess() != null) {
                d.put("lastSuccess", s.lastSuccess().toString());
            }
            if (s.lastError() != null) {
                d.put("lastError", s.lastError());
            }
            details.put(s.name(), d);
            up &= !s.running() || s.alive();
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    /** Once every bean exists (binding earlier would create the workers before their dependencies are ready). */
    @Override
    public void afterSingletonsInstantiated() {
        for (Worker worker : all()) {
            FunctionCounter.builder("conversa.worker.rounds", worker, w -> w.status().rounds())
                    .description("Rounds the background worker completed").tag("worker", worker.name()).register(registry);
            FunctionCounter.builder("conversa.worker.failures", worker, w -> w.status().failures())
                    .description("Rounds of the background worker that failed").tag("worker", worker.name())
                    .register(registry);
            Gauge.builder("conversa.worker.failures.in.row", worker, w -> w.status().failuresInRow())
                    .description("Failed rounds in a row; 0 once a round succeeds").tag("worker", worker.name())
                    .register(registry);
        }
    }
}
