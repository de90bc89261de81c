package dev.conversa.channel.webhook;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The metric {@code conversa.deliveries.dead}: deliveries that became dead letters, tagged with the inbox's
 * {@code channel} and the {@code reason} (failed, no-inbox, unknown-shape), so an alert can fire on the first one.
 */
@Component
class DeadLetterCounter {
    static final String METRIC = "conversa.deliveries.dead";
    private final MeterRegistry registry;
    private final InboxService inboxes;

    DeadLetterCounter(MeterRegistry registry, InboxService inboxes) {
        this.registry = registry;
        this.inboxes = inboxes;
    }

    void increment(long workspaceId, long inboxId, String reason) {
        String channel = inboxes.find(workspaceId, inboxId).map(Inbox::channel).map(c -> c.name().toLowerCase(Locale.ROOT))
                .orElse("unknown");
        Counter.builder(METRIC).description("Channel deliveries that could not be processed and wait for an admin")
                .tag("channel", channel).tag("reason", reason).register(registry).increment();
    }
}
