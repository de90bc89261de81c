package dev.conversa.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.expression.common.TemplateParserContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cluster transport. Sends {@code @Externalized} events to Kafka as JSON, with the event type in a header; the
 * routing key ({@code topic::#{workspaceId()}}) is evaluated on the event. Spring Modulith marks the publication
 * complete only when Kafka acknowledged it, so an outage delays events and loses none. Sends {@link LiveSignal}s
 * straight to {@link ClusterTopics#SIGNALS}. And consumes both topics with this node's own consumer group
 * ({@link ClusterProperties#nodeId()}), so every node sees every record once and republishes it locally as
 * {@link FromCluster}. One consumer thread reads all partitions, so a workspace's records reach listeners in order.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "conversa.kafka.enabled", havingValue = "true")
@EnableConfigurationProperties(ClusterProperties.class)
class KafkaExternalization {
    private static final Logger log = LoggerFactory.getLogger(KafkaExternalization.class);
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

    @Bean
    LiveSignals kafkaLiveSignals(KafkaTemplate<String, String> kafka, JsonMapper json) {
        return signal -> kafka.send(record(ClusterTopics.SIGNALS, String.valueOf(signal.workspaceId()), json, signal))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        log.warn("Live signal not sent ({}): {}", signal.getClass().getSimpleName(), failure.toString());
                    }
                });
    }

    @Bean
    KafkaAdmin.NewTopics clusterTopics(ClusterProperties cluster) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(ClusterTopics.EVENTS).partitions(cluster.partitions()).build(),
                TopicBuilder.name(ClusterTopics.SIGNALS).partitions(cluster.partitions()).build());
    }

    @Bean
    KafkaMessageListenerContainer<String, String> clusterConsumer(KafkaProperties properties, ClusterProperties cluster,
                                                                  Environment env, JsonMapper json,
                                                                  ApplicationEventPublisher events) {
        Map<String, Object> config = properties.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, nodeId(cluster, env));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // a node that never ran starts at the live end (a console loads current state when it opens); a restarted one
        // resumes from its committed offsets
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        ContainerProperties container = new ContainerProperties(ClusterTopics.EVENTS, ClusterTopics.SIGNALS);
        container.setMessageListener(new ClusterReceiver(json, events));
        return new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(config), container);
    }

    @Bean
    ClusterInfo clusterInfo(ClusterProperties cluster, Environment env,
                            KafkaMessageListenerContainer<String, String> clusterConsumer) {
        return new ClusterInfo(nodeId(cluster, env), clusterConsumer);
    }

    static String nodeId(ClusterProperties cluster, Environment env) {
        if (cluster.nodeId() != null && !cluster.nodeId().isBlank()) {
            return cluster.nodeId().strip();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "conversa";
        }
        return host + "-" + env.getProperty("server.port", "8080");
    }

    private static CompletableFuture<?> send(KafkaTemplate<String, String> kafka, JsonMapper json, RoutingTarget target,
                                             Object event) {
        String key = target.getKey() == null ? null : target.hasKeyExpression()
                ? String.valueOf(SPEL.parseExpression(target.getKey(), TEMPLATE)
                        .getValue(SimpleEvaluationContext.forReadOnlyDataBinding().withInstanceMethods().build(), event))
                : target.getKey();
        return kafka.send(record(target.getTarget(), key, json, event));
    }

    private static ProducerRecord<String, String> record(String topic, String key, JsonMapper json, Object event) {
        var record = new ProducerRecord<>(topic, key, json.writeValueAsString(event));
        record.headers().add(ClusterReceiver.TYPE_HEADER, event.getClass().getName().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
