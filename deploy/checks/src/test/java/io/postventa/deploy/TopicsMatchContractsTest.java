package io.postventa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.postventa.events.Topics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsMatchContractsTest {

    @Test
    void committedTopicFilesAreWhatTheGeneratorWritesFromTheContracts() {
        assertEquals(TopicManifests.kubernetesTopics(), Repo.read(TopicManifests.KUBERNETES_FILE),
                TopicManifests.KUBERNETES_FILE + " is stale: run deploy/scripts/generate-topics.sh");
        assertEquals(TopicManifests.composeTopics(), Repo.read(TopicManifests.COMPOSE_FILE),
                TopicManifests.COMPOSE_FILE + " is stale: run deploy/scripts/generate-topics.sh");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContractTopicAndItsDeadLetterTopicHasAKafkaTopic(String overlay) {
        List<ObjectNode> resources = Repo.render(overlay);
        List<String> problems = TopicCheck.problems(TopicCheck.kafkaTopics(resources), "deploy/kubernetes/overlays/" + overlay);
        assertEquals(List.of(), problems, "every topic of io.postventa.events.Topics and its DLQ needs a KafkaTopic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheCustomerTopicIsCompactedAndEveryTopicBelongsToTheKafkaCluster(String overlay) {
        List<ObjectNode> resources = Repo.render(overlay);
        Set<String> clusters = new LinkedHashSet<>();
        Repo.ofKind(resources, "Kafka").forEach(k -> clusters.add(k.path("metadata").path("name").asText()));
        for (JsonNode topic : Repo.ofKind(resources, "KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText();
            String policy = topic.path("spec").path("config").path("cleanup.policy").asText();
            assertEquals(name.equals(Topics.CUSTOMERS) ? "compact" : "delete", policy, name + " cleanup.policy");
            assertTrue(clusters.contains(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()),
                    name + " must name the Kafka cluster " + clusters + " in its strimzi.io/cluster label");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void partitionsLetEveryConsumerReplicaTheHpaMayStartHaveWork(String overlay) {
        List<ObjectNode> resources = Repo.render(overlay);
        int maxReplicas = Repo.ofKind(resources, "HorizontalPodAutoscaler").stream()
                .mapToInt(h -> h.path("spec").path("maxReplicas").asInt()).max().orElse(1);
        for (JsonNode topic : Repo.ofKind(resources, "KafkaTopic")) {
            int partitions = topic.path("spec").path("partitions").asInt();
            assertTrue(partitions >= maxReplicas, topic.path("metadata").path("name").asText() + " has " + partitions
                    + " partitions but an HPA may run " + maxReplicas + " consumers of it");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void topicReplicationFitsTheKafkaNodePool(String overlay) {
        List<ObjectNode> resources = Repo.render(overlay);
        int nodes = Repo.ofKind(resources, "KafkaNodePool").stream()
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
        for (JsonNode topic : Repo.ofKind(resources, "KafkaTopic")) {
            assertTrue(topic.path("spec").path("replicas").asInt() <= nodes,
                    topic.path("metadata").path("name").asText() + " wants more replicas than the " + nodes + " Kafka nodes");
        }
    }

    @Test
    void composeCreatesEveryContractTopicWithTheDevstackPartitionsAndCompaction() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Repo.read(TopicManifests.COMPOSE_FILE).lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(" ");
            names.add(fields[0]);
            assertEquals(String.valueOf(TopicPlan.COMPOSE_PARTITIONS), fields[1], fields[0] + " partitions");
            assertEquals(fields[0].equals(Topics.CUSTOMERS) ? "cleanup.policy=compact" : "-", fields[2], fields[0] + " config");
        }
        assertEquals(List.of(), TopicCheck.problems(names, TopicManifests.COMPOSE_FILE));
    }

    @Test
    void everyTopicAServiceConsumesOrDeadLettersToIsDeclared() {
        Set<String> declared = TopicCheck.required();
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            Properties properties = Repo.applicationProperties(service);
            for (Map.Entry<Object, Object> entry : properties.entrySet()) {
                String key = entry.getKey().toString();
                if (key.startsWith("mp.messaging.") && (key.endsWith(".topic") || key.endsWith(".dead-letter-queue.topic"))
                        && !declared.contains(entry.getValue().toString())) {
                    problems.add(service + " " + key + "=" + entry.getValue() + " is not a declared topic");
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
