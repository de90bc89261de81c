package dev.conversa.cluster;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.expression.common.TemplateParserContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends {@code @Externalized} events to Kafka as JSON, with the event type in a header. The routing key
 * ({@code topic::#{workspaceId()}}) is evaluated on the event. Spring Modulith marks the publication complete only
 * when Kafka acknowledged it, so an outage delays events and loses none.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "conversa.kafka.enabled", havingValue = "true")
class KafkaExternalization {
    private static final SpelExpressionParser SPEL = new SpelExpressionParser();
    private static final TemplateParserContext TEMPLATE = new TemplateParserContext();

    @Bean
    EventExternalizationConfiguration eventExternalizationConfiguration() {
        return EventExternalizationConfiguration.externalizing()
                .select(EventExternalizationConfiguration.annotatedAsExternalized())
                .build();
    }

    @Bean
    KafkaTemplate<String, String> conversaEventTemplate(KafkaProperties properties) {
        Map<String, Object> config = properties.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    DelegatingEventExternalizer kafkaEventExternalizer(EventExternalizationConfiguration configuration,
                                                       KafkaTemplate<String, String> kafka, JsonMapper json) {
        return new DelegatingEventExternalizer(configuration, (target, event) -> send(kafka, json, target, event));
    }

    private static CompletableFuture<?> send(KafkaTemplate<String, String> kafka, JsonMapper json, RoutingTarget target,
                                             Object event) {
        String key = target.getKey() == null ? null : target.hasKeyExpression()
                ? String.valueOf(SPEL.parseExpression(target.getKey(), TEMPLATE)
                        .getValue(SimpleEvaluationContext.forReadOnlyDataBinding().withInstanceMethods().build(), event))
                : target.getKey();
        var record = new ProducerRecord<>(target.getTarget(), key, json.writeValueAsString(event));
        record.headers().add("conversa-event", event.getClass().getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return kafka.send(record);
    }
}
