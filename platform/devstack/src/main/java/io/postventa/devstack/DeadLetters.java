package io.postventa.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.postventa.events.CloudEventHeaders;
import io.postventa.events.DeadLetterHeaders;
import io.postventa.events.Topics;

/**
 * The dead-letter topics of a Kafka cluster, read and re-driven: what is in each {@code <topic>.dlq} and why, and
 * replay of chosen records to the topic they came from. A replayed record is the dead letter's key, value and
 * headers as they were (its {@code ce_id} and data unchanged), without the {@code dead-letter-*} headers and with
 * {@link #REPLAYED_FROM} naming where it came from: every consumer records the event ids it applied, so a replay of an
 * event some consumer already applied is skipped by that consumer, and a replay repeated by mistake applies nothing
 * twice. Reads with a group-less consumer (assign and seek): it commits no offsets and moves no service's group.
 */
public final class DeadLetters implements AutoCloseable {
    /** Header on a replayed record: {@code <dlq topic>/<partition>/<offset>} of the dead letter it came from. */
    public static final String REPLAYED_FROM = "postventa-replayed-from";

    /** One dead letter, with the headers a consumer wrote when it gave up on the record. */
    public record Letter(String dlqTopic, int partition, long offset, long timestamp, String key, String value,
            Map<String, String> headers) {
        public String eventId() {
            return headers.get(CloudEventHeaders.ID);
        }

        public String eventType() {
            return headers.get(CloudEventHeaders.TYPE);
        }

        public String reason() {
            return headers.get(DeadLetterHeaders.REASON);
        }

        public String reasonCode() {
            return headers.get(DeadLetterHeaders.REASON_CODE);
        }

        public String consumerGroup() {
            return headers.get(DeadLetterHeaders.CONSUMER_GROUP);
        }

        /** The topic the record was read from: its header, else the dead-letter topic's name without the suffix. */
        public String originalTopic() {
            String header = headers.get(DeadLetterHeaders.ORIGINAL_TOPIC);
            return header != null && !header.isBlank() ? header
                    : dlqTopic.substring(0, dlqTopic.length() - Topics.DLQ_SUFFIX.length());
        }

        /** Where the letter is: {@code <dlq topic>/<partition>/<offset>}. */
        public String position() {
            return dlqTopic + "/" + partition + "/" + offset;
        }
    }

    /** How many letters a dead-letter topic holds, by reason code and consumer that gave up. */
    public record Summary(String dlqTopic, long records, Map<String, Long> byReasonCode, Map<String, Long> byConsumer) {
    }

    private final Properties client;
    private final Admin admin;

    /** {@code bootstrapServers} and any further client settings (security for a deployment's cluster). */
    public DeadLetters(String bootstrapServers, Map<String, String> clientSettings) {
        client = new Properties();
        client.putAll(clientSettings);
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin = Admin.create(client);
    }

    /** The dead-letter topics that exist on the cluster, sorted. */
    public List<String> topics() {
        try {
            return admin.listTopics().names().get().stream().filter(Topics::isDlq).sorted().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while listing the topics", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new StackException("cannot list the topics of " + client.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
                    + ": " + e.getCause().getMessage(), e);
        }
    }

    /** Every dead-letter topic with how many records it holds and why. */
    public List<Summary> summaries() {
        List<Summary> out = new ArrayList<>();
        for (String topic : topics()) {
            Map<String, Long> byCode = new TreeMap<>();
            Map<String, Long> byConsumer = new TreeMap<>();
            List<Letter> letters = read(topic, l -> true);
            for (Letter l : letters) {
                byCode.merge(String.valueOf(l.reasonCode()), 1L, Long::sum);
                byConsumer.merge(String.valueOf(l.consumerGroup()), 1L, Long::sum);
            }
            out.add(new Summary(topic, letters.size(), byCode, byConsumer));
        }
        return out;
    }

    /** The letters of {@code dlqTopic} (a dead-letter topic or the topic it belongs to) that {@code filter} keeps. */
    public List<Letter> read(String dlqTopic, Predicate<Letter> filter) {
        String topic = Topics.isDlq(dlqTopic) ? dlqTopic : Topics.dlq(dlqTopic);
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "postventa-dlq-" + UUID.randomUUID());
        List<Letter> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                return out;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new StackException("reading " + topic + " took more than 60 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new TreeMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    Letter letter = new Letter(topic, r.partition(), r.offset(), r.timestamp(), r.key(), r.value(), headers);
                    if (filter.test(letter)) {
                        out.add(letter);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Sends each letter again to the topic it came from, key, value and event headers unchanged, in order; returns
     * once the broker has acknowledged them all.
     */
    public void replay(List<Letter> letters) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (Letter l : letters) {
                RecordHeaders headers = new RecordHeaders();
                l.headers().forEach((k, v) -> {
                    if (!k.startsWith("dead-letter-") && !k.equals(REPLAYED_FROM)) {
                        headers.add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8));
                    }
                });
                headers.add(REPLAYED_FROM, l.position().getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(new ProducerRecord<>(l.originalTopic(), null, l.key(), l.value(), headers)));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while replaying", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StackException("the broker did not take a replayed record: " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
