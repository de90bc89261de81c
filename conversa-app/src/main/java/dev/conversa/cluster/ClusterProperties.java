package dev.conversa.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this node takes part in a cluster ({@code conversa.cluster.*}); read only when Kafka is enabled.
 *
 * @param nodeId     this node's name and Kafka consumer group: give each node its own, and keep it across restarts so a
 *                   restarted node resumes from its committed offsets (default: host name and server port)
 * @param partitions partitions of the cluster topics when this node creates them
 */
@ConfigurationProperties("conversa.cluster")
record ClusterProperties(String nodeId, Integer partitions) {
    ClusterProperties {
        partitions = partitions == null ? 6 : partitions;
    }
}
