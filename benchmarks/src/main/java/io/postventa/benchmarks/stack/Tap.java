package io.postventa.benchmarks.stack;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its end in the background and hands every record to a callback with the time its poll
 * returned: what a service publishes, seen as a downstream consumer sees it.
 */
public final class Tap implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final Thread poller;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile boolean running = true;

    Tap(String bootstrapServers, String topic, BiConsumer<ConsumerRecord<String, String>, Long> onRecord) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-tap-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        poller = new Thread(() -> {
            try {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                positioned.countDown();
                while (running) {
                    var records = consumer.poll(Duration.ofMillis(50));
                    long arrived = System.currentTimeMillis();
                    for (ConsumerRecord<String, String> r : records) {
                        onRecord.accept(r, arrived);
                    }
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                positioned.countDown();
                consumer.close(Duration.ofSeconds(2));
            }
        }, "bench-tap-" + topic);
        poller.setDaemon(true);
        poller.start();
        try {
            if (!positioned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the tap on " + topic + " could not position itself");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
