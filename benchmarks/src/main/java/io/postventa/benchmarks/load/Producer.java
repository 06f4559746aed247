package io.postventa.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records to Kafka as an outside producer would (acks=all): one at a time, open-loop at a fixed rate (each
 * record is sent at its scheduled time whatever the system under test does, so a slow consumer cannot slow the load
 * down) or as fast as the producer goes. Each record's timestamp is set to the moment it is handed to the
 * producer, and the caller gets that timestamp, the origin of the latencies measured.
 */
public final class Producer implements AutoCloseable {
    /**
     * The Kafka client's default linger since 4.0: at 500 records/s a linger of 1 ms sent almost every record in a
     * request of its own, and the broker spent 0.35 cores on them and the service's own traffic.
     */
    public static final int DEFAULT_LINGER_MS = 5;

    /** One record to send: topic, key, value and headers. */
    public record Outgoing(String topic, String key, String value, Map<String, String> headers) {
    }

    /** Makes the record of sequence number {@code i}; {@code sentAt} is told its timestamp once it is sent. */
    public interface Source {
        Outgoing next(long i);

        default void sent(long i, Outgoing record, long timestampMillis) {
        }
    }

    /** What a run did: how many records, over how long, how late the sender fell behind its schedule. */
    public record Run(long records, double seconds, double achievedPerSecond, double maxBehindMs) {
    }

    private final KafkaProducer<String, String> producer;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> lastError = new AtomicReference<>();

    public Producer(String bootstrapServers) {
        this(bootstrapServers, DEFAULT_LINGER_MS);
    }

    /** A producer that waits up to {@code lingerMs} to fill a batch (order-status and returns measure with 1 ms). */
    public Producer(String bootstrapServers, int lingerMs) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    /**
     * Sends records {@code first .. first+count-1} at {@code perSecond}, open-loop: a record whose time has
     * passed (the sender was descheduled) goes at once, without skipping and without slowing the schedule.
     */
    public Run atRate(Source source, long first, long count, double perSecond) {
        long start = System.nanoTime();
        double interval = 1e9 / perSecond;
        long maxBehind = 0;
        for (long n = 0; n < count; n++) {
            long due = start + (long) (n * interval);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                maxBehind = Math.max(maxBehind, -wait);
            }
            send(source, first + n);
        }
        producer.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(count, seconds, count / seconds, maxBehind / 1e6);
    }

    /** Sends records {@code first .. first+count-1} as fast as the producer accepts them, then flushes. */
    public Run burst(Source source, long first, long count) {
        long start = System.nanoTime();
        for (long n = 0; n < count; n++) {
            send(source, first + n);
        }
        producer.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(count, seconds, count / seconds, 0);
    }

    private void send(Source source, long i) {
        Outgoing o = source.next(i);
        long now = System.currentTimeMillis();
        source.sent(i, o, now);
        send(o, now);
    }

    /** Sends one record stamped {@code timestampMillis}, without waiting (see {@link #flush}). */
    public void send(Outgoing o, long timestampMillis) {
        ProducerRecord<String, String> record = new ProducerRecord<>(o.topic(), null, timestampMillis, o.key(), o.value());
        o.headers().forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                failed.incrementAndGet();
                lastError.set(error);
            }
        });
    }

    /** Sends one record stamped now; returns that timestamp (epoch ms). */
    public long send(Outgoing o) {
        long now = System.currentTimeMillis();
        send(o, now);
        return now;
    }

    /** Waits until every record sent so far is acknowledged. */
    public void flush() {
        producer.flush();
    }

    /** Records the broker refused so far (a benchmark with any is not valid). */
    public long failed() {
        return failed.get();
    }

    public void requireNoFailures() {
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records were not accepted by the broker", lastError.get());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
