package io.postventa.deploy;

import io.postventa.events.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Kafka topic the platform needs, derived from the contracts ({@link Topics#ALL} and each one's
 * dead-letter topic), with its partitions and configuration on Docker Compose and on Kubernetes.
 */
public final class TopicPlan {

    /** Partitions on the local devstack and Docker Compose (platform/devstack's KafkaBroker creates 3). */
    public static final int COMPOSE_PARTITIONS = 3;
    /** Partitions on Kubernetes: the most consumer replicas that can share a topic's work (HPA maxReplicas). */
    public static final int KUBERNETES_PARTITIONS = 6;
    /** Replicas of each topic in deploy/kubernetes/base (three Kafka nodes); the dev overlay patches it to 1. */
    public static final int KUBERNETES_REPLICAS = 3;

    static final long DAY_MS = 24L * 60 * 60 * 1000;
    /** Business topics keep a week, as the devstack broker's log.retention.hours=168. */
    static final long RETENTION_MS = 7 * DAY_MS;
    /** Dead letters wait a month for someone to look at them and replay them. */
    static final long DLQ_RETENTION_MS = 30 * DAY_MS;

    /** One topic: its name, whether it is a dead-letter topic and its configuration per target. */
    public record TopicSpec(String name, boolean deadLetter, Map<String, String> composeConfig,
                            Map<String, String> kubernetesConfig) {
    }

    private TopicPlan() {
    }

    /** The topics in contract order, each followed by its dead-letter topic. */
    public static List<TopicSpec> topics() {
        List<TopicSpec> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(business(topic));
            topics.add(deadLetter(Topics.dlq(topic)));
        }
        return List.copyOf(topics);
    }

    private static TopicSpec business(String name) {
        Map<String, String> compose = new LinkedHashMap<>();
        Map<String, String> kubernetes = new LinkedHashMap<>();
        if (Topics.CUSTOMERS.equals(name)) {
            // Compacted: the latest record per customer is the customer; a tombstone erases it. Tombstones
            // stay a week, so a consumer that was down for days still learns of the erasure.
            compose.put("cleanup.policy", "compact");
            kubernetes.put("cleanup.policy", "compact");
            kubernetes.put("delete.retention.ms", Long.toString(RETENTION_MS));
        } else {
            kubernetes.put("cleanup.policy", "delete");
            kubernetes.put("retention.ms", Long.toString(RETENTION_MS));
        }
        return new TopicSpec(name, false, Map.copyOf(compose), java.util.Collections.unmodifiableMap(kubernetes));
    }

    private static TopicSpec deadLetter(String name) {
        Map<String, String> kubernetes = new LinkedHashMap<>();
        kubernetes.put("cleanup.policy", "delete");
        kubernetes.put("retention.ms", Long.toString(DLQ_RETENTION_MS));
        return new TopicSpec(name, true, Map.of(), java.util.Collections.unmodifiableMap(kubernetes));
    }
}
