package io.postventa.benchmarks.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.postventa.events.CloudEventHeaders;

/** Every record of some topics, read from the beginning up to their ends at the time of reading. */
public final class TopicSnapshot {
    /** One record: where it is, its key, value and headers (the last value of each header name). */
    public record Rec(String topic, int partition, long offset, String key, String value, Map<String, String> headers) {
        public String ceId() {
            return headers.get(CloudEventHeaders.ID);
        }

        public String ceType() {
            return headers.get(CloudEventHeaders.TYPE);
        }
    }

    private final Map<String, List<Rec>> byTopic = new LinkedHashMap<>();

    private TopicSnapshot() {
    }

    /** Reads {@code topics} whole. */
    public static TopicSnapshot read(String bootstrapServers, Collection<String> topics) {
        TopicSnapshot snapshot = new TopicSnapshot();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "chaos-snapshot");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                snapshot.byTopic.put(topic, new ArrayList<>());
                consumer.partitionsFor(topic, Duration.ofSeconds(60))
                        .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(60)));
            ends.entrySet().removeIf(e -> consumer.position(e.getKey(), Duration.ofSeconds(60)) >= e.getValue());
            while (!ends.isEmpty()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new HashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    snapshot.byTopic.get(r.topic())
                            .add(new Rec(r.topic(), r.partition(), r.offset(), r.key(), r.value(), headers));
                }
                ends.entrySet().removeIf(e -> consumer.position(e.getKey(), Duration.ofSeconds(60)) >= e.getValue());
            }
        }
        return snapshot;
    }

    public List<Rec> records(String topic) {
        return byTopic.getOrDefault(topic, List.of());
    }

    public Map<String, List<Rec>> all() {
        return byTopic;
    }
}
