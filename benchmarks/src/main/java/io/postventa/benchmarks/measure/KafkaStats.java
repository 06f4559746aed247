package io.postventa.benchmarks.measure;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Topic end offsets and consumer-group lag, read through the Admin API as an operator's tools would. */
public final class KafkaStats implements AutoCloseable {
    private final Admin admin;

    public KafkaStats(String bootstrapServers) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin = Admin.create(p);
    }

    /** Records written so far to each topic (the sum of its partitions' end offsets). */
    public Map<String, Long> endOffsets(Collection<String> topics) {
        Map<String, Long> out = new LinkedHashMap<>();
        ends(partitions(topics)).forEach((tp, end) -> out.merge(tp.topic(), end, Long::sum));
        for (String t : topics) {
            out.putIfAbsent(t, 0L);
        }
        return out;
    }

    /**
     * Records the group has not committed yet, summed over the partitions it has committed offsets for (every
     * partition it consumes, once it has read anything there).
     */
    public long lag(String group) {
        return lagByTopic(group).values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@link #lag(String)} per topic the group consumes: which of a service's channels falls behind. */
    public Map<String, Long> lagByTopic(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> ends = ends(List.copyOf(committed.keySet()));
            Map<String, Long> lag = new java.util.TreeMap<>();
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag.merge(e.getKey().topic(), Math.max(0, e.getValue() - (c == null ? 0 : c.offset())), Long::sum);
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the lag of group " + group, e);
        }
    }

    /** The topics the group has committed offsets on: what it consumes, once it has read anything there. */
    public java.util.Set<String> topicsOf(String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .keySet().stream().map(TopicPartition::topic).collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of group " + group, e);
        }
    }

    /** The records the groups still have to read, together. */
    public long totalLag(Collection<String> groups) {
        long lag = 0;
        for (String group : groups) {
            lag += lag(group);
        }
        return lag;
    }

    private List<TopicPartition> partitions(Collection<String> topics) {
        try {
            Map<String, TopicDescription> d = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            return d.values().stream().flatMap(t -> t.partitions().stream()
                    .map(p -> new TopicPartition(t.name(), p.partition()))).collect(Collectors.toList());
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topics, e);
        }
    }

    private Map<TopicPartition, Long> ends(List<TopicPartition> partitions) {
        try {
            Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
            partitions.forEach(tp -> spec.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> r =
                    admin.listOffsets(spec).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> out = new HashMap<>();
            r.forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot list offsets", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
