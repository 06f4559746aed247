package io.postventa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.postventa.deploy.TopicPlan.TopicSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Compares the Kafka topics a deployment declares with the topics the contracts need. */
public final class TopicCheck {

    private TopicCheck() {
    }

    /** Every topic and dead-letter topic the contracts need, in contract order. */
    public static Set<String> required() {
        Set<String> names = new LinkedHashSet<>();
        for (TopicSpec topic : TopicPlan.topics()) {
            names.add(topic.name());
        }
        return names;
    }

    /** The topic names of the KafkaTopic resources among {@code resources} (spec.topicName, else metadata.name). */
    public static Set<String> kafkaTopics(List<? extends JsonNode> resources) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode resource : resources) {
            if ("KafkaTopic".equals(resource.path("kind").asText())) {
                JsonNode topicName = resource.path("spec").path("topicName");
                names.add(topicName.isTextual() ? topicName.asText() : resource.path("metadata").path("name").asText());
            }
        }
        return names;
    }

    /** What is wrong: contract topics without a KafkaTopic, and KafkaTopics no contract names. */
    public static List<String> problems(Set<String> declared, String where) {
        List<String> problems = new ArrayList<>();
        for (String topic : required()) {
            if (!declared.contains(topic)) {
                problems.add("contract topic " + topic + " has no topic in " + where
                        + " (run deploy/scripts/generate-topics.sh)");
            }
        }
        for (String topic : declared) {
            if (!required().contains(topic)) {
                problems.add(where + " declares " + topic + ", which no contract in io.postventa.events.Topics names");
            }
        }
        return problems;
    }
}
