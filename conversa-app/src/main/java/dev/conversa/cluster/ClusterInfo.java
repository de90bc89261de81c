package dev.conversa.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * This node's part in the cluster, under {@code cluster} in {@code /actuator/info}: its id (= its consumer group),
 * whether its consumer runs, the partitions it reads and how far behind it is ({@code records-lag-max}, Kafka's own
 * consumer metric: the most records any of its partitions had waiting at the last fetch).
 */
class ClusterInfo implements InfoContributor {
    private final String nodeId;
    private final MessageListenerContainer consumer;

    ClusterInfo(String nodeId, MessageListenerContainer consumer) {
        this.nodeId = nodeId;
        this.consumer = consumer;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("nodeId", nodeId);
        cluster.put("consumerRunning", consumer.isRunning());
        TreeSet<String> partitions = new TreeSet<>();
        var assigned = consumer.getAssignedPartitions();
        if (assigned != null) {
            for (TopicPartition p : assigned) {
                partitions.add(p.topic() + "-" + p.partition());
            }
        }
        cluster.put("partitions", partitions);
        cluster.put("recordsLagMax", lagMax());
        builder.withDetail("cluster", cluster);
    }

    private Double lagMax() {
        for (Map<MetricName, ? extends Metric> metrics : consumer.metrics().values()) {
            for (Map.Entry<MetricName, ? extends Metric> m : metrics.entrySet()) {
                if (m.getKey().name().equals("records-lag-max") && m.getKey().group().equals("consumer-fetch-manager-metrics")
                        && m.getKey().tags().size() == 1 && m.getValue().metricValue() instanceof Double lag) {
                    return lag.isNaN() ? null : lag;
                }
            }
        }
        return null;
    }
}
