package dev.conversa.cluster;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** One node: a signal is an ordinary application event, handled before {@link #send} returns. */
@Component
@ConditionalOnProperty(name = "conversa.kafka.enabled", havingValue = "false", matchIfMissing = true)
class LocalSignals implements LiveSignals {
    private final ApplicationEventPublisher events;

    LocalSignals(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void send(LiveSignal signal) {
        events.publishEvent(signal);
    }
}
