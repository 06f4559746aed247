package io.postventa.benchmarks.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.postventa.benchmarks.measure.Sampler;

/**
 * Every consumer group's position against the topics' ends, sampled twice a second through the Admin API (as an
 * operator's lag exporter would), kept for the whole run.
 *
 * <p>When is a group's lag "back to zero" after a kill? The services commit their offsets every few seconds
 * (SmallRye's throttled strategy commits what was processed every {@code auto.commit.interval.ms}, 5 s), so under
 * steady traffic the committed lag is never exactly zero. A group counts as caught up at a sample when, on every
 * partition of the topics it reads, its committed offset has reached both the end the partition had when the kill
 * happened and the end it had {@code allowance} before the sample: everything that was waiting when the kill came
 * is done, and the group is no further behind than its commit interval. With traffic stopped the same rule is plain
 * zero lag.
 */
public final class LagWatch implements AutoCloseable {
    /** One reading: when, each partition's end, each group's committed offsets (absent when the group has none). */
    record Sample(Instant at, Map<TopicPartition, Long> ends, Map<String, Map<TopicPartition, Long>> committed) {
    }

    private final Admin admin;
    private final List<String> groups;
    private final List<String> topics;
    private final Duration allowance;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, Set<String>> topicsOfGroup = new HashMap<>();
    private final Sampler sampler;
    private volatile int failures;

    public LagWatch(String bootstrapServers, List<String> groups, List<String> topics, Duration allowance) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "4000");
        this.admin = Admin.create(p);
        this.groups = List.copyOf(groups);
        this.topics = List.copyOf(topics);
        this.allowance = allowance;
        this.sampler = Sampler.every(Duration.ofMillis(500), "chaos-lag", this::sample);
    }

    private void sample() {
        try {
            Map<String, Map<TopicPartition, Long>> committed = new LinkedHashMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(4, TimeUnit.SECONDS);
                Map<TopicPartition, Long> mine = new HashMap<>();
                offsets.forEach((tp, o) -> {
                    if (o != null) {
                        mine.put(tp, o.offset());
                    }
                });
                committed.put(group, mine);
            }
            Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(4, TimeUnit.SECONDS).values().forEach(d -> d.partitions()
                    .forEach(i -> wanted.put(new TopicPartition(d.name(), i.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(wanted).all().get(4, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            Sample s = new Sample(Instant.now(), ends, committed);
            synchronized (samples) {
                samples.add(s);
                committed.forEach((group, offsets) -> offsets.keySet()
                        .forEach(tp -> topicsOfGroup.computeIfAbsent(group, g -> new HashSet<>()).add(tp.topic())));
            }
        } catch (Exception e) {
            failures++; // the broker is down or restarting: no reading this time
        }
    }

    /** Records the groups have committed nothing for yet, per group, at the latest sample. */
    public Map<String, Long> lagNow() {
        Sample s;
        synchronized (samples) {
            if (samples.isEmpty()) {
                return Map.of();
            }
            s = samples.get(samples.size() - 1);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (String group : groups) {
            out.put(group, lag(s, group));
        }
        return out;
    }

    /** The committed lag of {@code group} in a sample, over the partitions of the topics it reads. */
    private long lag(Sample s, String group) {
        long lag = 0;
        Map<TopicPartition, Long> committed = s.committed().getOrDefault(group, Map.of());
        for (TopicPartition tp : partitionsOf(group, s)) {
            lag += Math.max(0, s.ends().getOrDefault(tp, 0L) - committed.getOrDefault(tp, 0L));
        }
        return lag;
    }

    private Collection<TopicPartition> partitionsOf(String group, Sample s) {
        Set<String> mine;
        synchronized (samples) {
            mine = Set.copyOf(topicsOfGroup.getOrDefault(group, Set.of()));
        }
        return s.ends().keySet().stream().filter(tp -> mine.contains(tp.topic())).toList();
    }

    /**
     * When {@code group} was first caught up (see the class comment) at or after {@code since}; empty if it has not
     * been yet.
     */
    public Optional<Instant> caughtUp(String group, Instant since) {
        List<Sample> all;
        synchronized (samples) {
            all = List.copyOf(samples);
        }
        Sample atKill = null;
        for (Sample s : all) {
            if (!s.at().isAfter(since)) {
                atKill = s;
            }
        }
        for (int i = 0; i < all.size(); i++) {
            Sample s = all.get(i);
            if (s.at().isBefore(since)) {
                continue;
            }
            Sample earlier = latestAtOrBefore(all, s.at().minus(allowance));
            if (earlier == null) {
                continue;
            }
            Map<TopicPartition, Long> committed = s.committed().getOrDefault(group, Map.of());
            boolean caught = true;
            for (TopicPartition tp : partitionsOf(group, s)) {
                long need = Math.max(earlier.ends().getOrDefault(tp, 0L),
                        atKill == null ? 0L : atKill.ends().getOrDefault(tp, 0L));
                if (committed.getOrDefault(tp, 0L) < need) {
                    caught = false;
                    break;
                }
            }
            if (caught) {
                return Optional.of(s.at());
            }
        }
        return Optional.empty();
    }

    private static Sample latestAtOrBefore(List<Sample> all, Instant at) {
        Sample found = null;
        for (Sample s : all) {
            if (s.at().isAfter(at)) {
                break;
            }
            found = s;
        }
        return found;
    }

    /** Each group's committed lag over time, one point every {@code every}: [seconds since {@code start}, lag...]. */
    public List<List<Object>> timeline(Instant start, Duration every) {
        List<Sample> all;
        synchronized (samples) {
            all = List.copyOf(samples);
        }
        List<List<Object>> out = new ArrayList<>();
        Instant next = start;
        for (Sample s : all) {
            if (s.at().isBefore(next)) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(Duration.between(start, s.at()).toMillis() / 1000.0);
            for (String group : groups) {
                row.add(lag(s, group));
            }
            out.add(row);
            next = s.at().plus(every);
        }
        return out;
    }

    public List<String> groups() {
        return groups;
    }

    /** Samples that could not be taken (the broker down). */
    public int failures() {
        return failures;
    }

    @Override
    public void close() {
        sampler.stop();
        admin.close(Duration.ofSeconds(2));
    }
}
