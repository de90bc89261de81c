package dev.conversa.cluster;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.modulith.events.Externalized;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each record of the cluster topics back into its event and publishes it on this node as {@link FromCluster}.
 * Only Conversa's own event types are rebuilt (an {@code @Externalized} event or a {@link LiveSignal}): the type
 * comes from a record header, and a broker is no reason to instantiate arbitrary classes.
 */
class ClusterReceiver implements MessageListener<String, String> {
    static final String TYPE_HEADER = "conversa-event";
    private static final Logger log = LoggerFactory.getLogger(ClusterReceiver.class);

    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    ClusterReceiver(JsonMapper json, ApplicationEventPublisher events) {
        this.json = json;
        this.events = events;
    }

    @Override
    public void onMessage(ConsumerRecord<String, String> record) {
        Object event;
        try {
            event = decode(record);
        } catch (RuntimeException | ClassNotFoundException e) {
            // one unreadable record (an older node's type) must not stop the partition behind it
            log.warn("Skipping cluster record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
            return;
        }
        if (event != null) {
            try {
                events.publishEvent(new FromCluster(event));
            } catch (RuntimeException e) {
                log.warn("A listener failed on cluster event {}", event, e);
            }
        }
    }

    Object decode(ConsumerRecord<String, String> record) throws ClassNotFoundException {
        Header header = record.headers().lastHeader(TYPE_HEADER);
        if (header == null) {
            return null;
        }
        String name = new String(header.value(), StandardCharsets.UTF_8);
        if (!name.startsWith("dev.conversa.")) {
            throw new IllegalArgumentException("not a Conversa event type: " + name);
        }
        Class<?> type = Class.forName(name, false, ClusterReceiver.class.getClassLoader());
        if (!type.isAnnotationPresent(Externalized.class) && !LiveSignal.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("not an externalised event or live signal: " + name);
        }
        return json.readValue(record.value(), type);
    }
}
