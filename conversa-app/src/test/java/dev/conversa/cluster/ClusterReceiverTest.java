package dev.conversa.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.conversation.ConversationEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A cluster record becomes its event again only when its type is one of Conversa's externalised events or signals. */
class ClusterReceiverTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Object> published = new ArrayList<>();
    private final ClusterReceiver receiver = new ClusterReceiver(json, published::add);

    private ConsumerRecord<String, String> record(String type, String value) {
        var r = new ConsumerRecord<>(ClusterTopics.EVENTS, 0, 0L, "7", value);
        r.headers().add(ClusterReceiver.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        return r;
    }

    @Test
    void anExternalisedEventComesBackAsFromCluster() {
        var note = new ConversationEvents.NoteAdded(7, 11, 13, 17L);
        receiver.onMessage(record(note.getClass().getName(), json.writeValueAsString(note)));
        assertThat(published).containsExactly(new FromCluster(note));
    }

    @Test
    void otherTypesAndBrokenRecordsAreSkippedWithoutStoppingTheConsumer() {
        receiver.onMessage(record("java.lang.ProcessBuilder", "{}"));
        receiver.onMessage(record(dev.conversa.kernel.Paging.class.getName(), "{}"));
        receiver.onMessage(record("dev.conversa.NoSuchEvent", "{}"));
        receiver.onMessage(record(ConversationEvents.NoteAdded.class.getName(), "not json"));
        receiver.onMessage(new ConsumerRecord<>(ClusterTopics.EVENTS, 0, 1L, "7", "{}"));
        assertThat(published).isEmpty();
        var opened = new ConversationEvents.StatusChanged(7, 11, null, null, null, java.time.Instant.parse("2026-12-02T10:00:00Z"));
        receiver.onMessage(record(opened.getClass().getName(), json.writeValueAsString(opened)));
        assertThat(published).containsExactly(new FromCluster(opened));
    }
}
