package dev.conversa.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.conversation.ConversationEvents;
import dev.conversa.support.Api;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/** With Kafka enabled, conversation events leave the outbox for Kafka, keyed by workspace (real in-process KRaft broker). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"conversa.kafka.enabled=true", "spring.modulith.events.externalization.enabled=true"})
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 3, topics = ConversationEvents.TOPIC, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class KafkaExternalizationIT {
    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void conversationEventsArePublishedToKafkaKeyedByWorkspace() {
        Api api = new Api(port, null);
        Api.TestWorkspace ws = api.createWorkspace("Kafka");
        Api admin = api.as(ws.adminToken());
        long inbox = admin.post("/api/v1/inboxes", """
                {"name":"API","channel":"API"}""").json().get("id").asLong();
        long message = admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"k1","from":{"kind":"EMAIL","value":"k@example.com"},"body":"hola"}""").json().get("messageId").asLong();

        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "externalization-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(ConversationEvents.TOPIC));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                assertThat(received).anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo(String.valueOf(ws.id()));
                    assertThat(new String(r.headers().lastHeader("conversa-event").value(), StandardCharsets.UTF_8))
                            .isEqualTo(ConversationEvents.MessageReceived.class.getName());
                    assertThat(r.value()).contains("\"messageId\":" + message);
                });
                assertThat(received).anySatisfy(r -> assertThat(new String(r.headers().lastHeader("conversa-event").value(),
                        StandardCharsets.UTF_8)).isEqualTo(ConversationEvents.ConversationOpened.class.getName()));
            });
        }
    }
}
