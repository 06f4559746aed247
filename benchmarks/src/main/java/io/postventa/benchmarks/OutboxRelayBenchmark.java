package io.postventa.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.postventa.benchmarks.measure.Ceilings;
import io.postventa.benchmarks.measure.CpuSampler;
import io.postventa.benchmarks.measure.Latencies;
import io.postventa.benchmarks.measure.Machine;
import io.postventa.benchmarks.measure.Report;
import io.postventa.benchmarks.stack.BenchStack;
import io.postventa.outbox.OutboxMessage;
import io.postventa.outbox.OutboxRelay;
import io.postventa.outbox.OutboxSchema;
import io.postventa.outbox.OutboxWriter;
import io.postventa.outbox.RelaySettings;
import io.postventa.outbox.RelayTimings;
import io.postventa.testing.StackInfo;

/**
 * The outbox relay's throughput (events/s drained from the WAL to Kafka) and its commit-to-topic
 * latency at a fixed rate, for 1 KB events, next to Kafka's and PostgreSQL's ceilings measured in
 * the same run. Goal: at least 10,000 events/s and p99 under 100 ms at 2,000 events/s.
 */
public final class OutboxRelayBenchmark {
    private static final int EVENT_BYTES = 1024;

    private OutboxRelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse("outbox", "outbox-relay", "The outbox relay: events/s drained from the WAL to Kafka, "
                + "and commit-to-topic latency at a fixed rate, 1 KB events, next to this machine's ceilings.", args);
        int events = options.integer("events", 100_000, "events written with the relay stopped, then drained (throughput)");
        int rate = options.integer("rate", 2000, "events/s committed one per transaction (latency)");
        int seconds = options.integer("seconds", 30, "length of the latency phase, after 5 s of warm-up");
        String phase = options.text("phase", "all", "all; throughput or latency runs that phase alone and only prints it "
                + "(for tuning: no results file)");
        Machine machine = options.start("Outbox relay benchmark");
        try (BenchStack stack = BenchStack.fresh()) {
            if (!phase.equals("all")) {
                Map<String, Object> result = phase.equals("latency") ? latency(stack, rate, seconds) : throughput(stack, events);
                System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
                System.out.printf("load average %.2f%n", Machine.current().loadAverage());
            } else {
                Ceilings ceilings = Ceilings.measure(stack.info(), 200_000, EVENT_BYTES, Duration.ofSeconds(10));
                System.out.printf("Relay throughput: %,d events written with the relay stopped, then drained...%n", events);
                Map<String, Object> throughput = throughput(stack, events);
                System.out.printf("Relay latency: %,d events/s for %d s, one event per transaction...%n", rate, seconds);
                Map<String, Object> latency = latency(stack, rate, seconds);
                report(options.report(machine), ceilings, throughput, latency, rate).write();
            }
        }
        System.exit(0);
    }

    private static Report report(Report report, Ceilings ceilings, Map<String, Object> throughput, Map<String, Object> latency,
            int rate) {
        double kafkaRate = ceilings.kafkaRecordsPerSecond();
        double drained = (double) throughput.get("eventsPerSecond");
        @SuppressWarnings("unchecked")
        Map<String, Object> lat = (Map<String, Object>) latency.get("commitToTopic");
        return ceilings.addTo(report.put("eventBytes", EVENT_BYTES))
                .put("throughput", throughput)
                .put("latency", latency)
                .put("goals", Map.of("eventsPerSecond", 10_000, "p99MsAt2000PerSecond", 100))
                .row("relay throughput (events/s)", Report.number(drained), "Kafka producer ceiling",
                        Report.ratio(drained, kafkaRate))
                .row("outbox write rate, 4 writers x 100/tx (events/s)",
                        Report.number((double) throughput.get("writeEventsPerSecond")), "", "")
                .row("  mean batch while draining (records)", Report.number((double) throughput.get("meanBatchSize")),
                        "max.batch.size", "")
                .row("  per batch: engine / send / blocked / ack", perBatch(throughput), "ms", "")
                .row("  cores busy while draining: machine", cores(throughput, "cpuWhileDraining", "machineCoresBusy"),
                        "of " + report.machine().cores(), "")
                .row("  relay JVM / kafka / pg walsender", cores(throughput, "cpuWhileDraining", "benchmarkJvmThreads") + " / "
                        + process(throughput, "cpuWhileDraining", "kafka broker") + " / "
                        + process(throughput, "cpuWhileDraining", "postgres walsender"), "cores", "")
                .row("commit-to-topic p50 @ " + rate + "/s", Report.ms((double) lat.get("p50Ms")), "goal p99 < 100 ms", "")
                .row("commit-to-topic p99 @ " + rate + "/s", Report.ms((double) lat.get("p99Ms")), "goal p99 < 100 ms",
                        Report.ratio((double) lat.get("p99Ms"), 100))
                .row("commit-to-topic max @ " + rate + "/s", Report.ms((double) lat.get("maxMs")), "", "")
                .row("achieved rate (events/s)", Report.number((double) latency.get("achievedPerSecond")), "target " + rate,
                        Report.ratio((double) latency.get("achievedPerSecond"), rate))
                .row("  mean batch @ " + rate + "/s (records)", Report.number((double) latency.get("meanBatchSize")), "", "")
                .row("  per batch: engine / send / blocked / ack", perBatch(latency), "ms", "")
                .row("  cores busy @ " + rate + "/s: machine", cores(latency, "cpu", "machineCoresBusy"),
                        "of " + report.machine().cores(), "");
    }

    /** Fills the outbox with the relay stopped, then measures how fast the relay drains it to Kafka. */
    private static Map<String, Object> throughput(BenchStack bench, int events) throws Exception {
        StackInfo stack = bench.info();
        String db = freshDatabase(stack);
        String topic = "bench.outbox.throughput." + db;
        bench.createTopic(topic, 3);
        String payload = payload();
        long writeStart = System.nanoTime();
        List<Thread> writers = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        for (int w = 0; w < 4; w++) {
            Thread t = new Thread(() -> {
                try (Connection c = Ceilings.connect(stack, db)) {
                    c.setAutoCommit(false);
                    while (true) {
                        int from = next.getAndAdd(100);
                        if (from >= events) {
                            return;
                        }
                        List<OutboxMessage> batch = new ArrayList<>(100);
                        for (int i = from; i < Math.min(events, from + 100); i++) {
                            batch.add(message(topic, i, payload));
                        }
                        OutboxWriter.write(c, batch);
                        c.commit();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            writers.add(t);
            t.start();
        }
        for (Thread t : writers) {
            t.join();
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

        try (KafkaConsumer<String, byte[]> consumer = consumer(stack, topic)) {
            long relayStart = System.nanoTime();
            long first = 0;
            long last = 0;
            int seen = 0;
            RelayTimings timings;
            Map<String, Object> cpu = null;
            CpuSampler sampler = null;
            try (OutboxRelay relay = new OutboxRelay(settings(stack, db)).start()) {
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (seen < events && System.nanoTime() < deadline) {
                    int got = consumer.poll(Duration.ofMillis(100)).count();
                    if (got > 0) {
                        long now = System.nanoTime();
                        if (first == 0) {
                            first = now;
                            sampler = CpuSampler.start(stack);
                        }
                        last = now;
                        seen += got;
                    }
                }
                if (sampler != null) {
                    cpu = sampler.stop(seen);
                }
                timings = relay.timings();
            }
            if (seen < events) {
                throw new IllegalStateException("only " + seen + " of " + events + " events reached Kafka");
            }
            double drainSeconds = (last - first) / 1e9;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("events", events);
            result.put("writeEventsPerSecond", events / writeSeconds);
            result.put("eventsPerSecond", (events - 1) / drainSeconds);
            result.put("secondsFromRelayStartToFirstEvent", (first - relayStart) / 1e9);
            result.put("drainSeconds", drainSeconds);
            result.put("meanBatchSize", timings.meanBatchSize());
            result.put("relayTime", timeShares(timings));
            result.put("cpuWhileDraining", cpu);
            return result;
        }
    }

    /** Commits one event per transaction at a fixed rate and measures commit-to-topic arrival. */
    private static Map<String, Object> latency(BenchStack bench, int rate, int seconds) throws Exception {
        StackInfo stack = bench.info();
        String db = freshDatabase(stack);
        String topic = "bench.outbox.latency." + db;
        bench.createTopic(topic, 3);
        String payload = payload();
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        int warmupSeconds = 5;
        int total = rate * (seconds + warmupSeconds);
        try (OutboxRelay relay = new OutboxRelay(settings(stack, db)).start();
             KafkaConsumer<String, byte[]> consumer = consumer(stack, topic)) {
            // Let the relay take the lock and start streaming before the clock starts.
            long ready = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (relay.role() != OutboxRelay.Role.LEADER && System.nanoTime() < ready) {
                Thread.sleep(50);
            }
            Thread.sleep(2000);
            RelayTimings timingsAtStart = relay.timings();
            CpuSampler sampler = CpuSampler.start(stack);
            int writers = 4;
            long start = System.nanoTime();
            long warmupEnd = start + Duration.ofSeconds(warmupSeconds).toNanos();
            long intervalNanos = 1_000_000_000L * writers / rate;
            AtomicInteger sequence = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                long offset = w * (intervalNanos / writers);
                Thread t = new Thread(() -> {
                    try (Connection c = Ceilings.connect(stack, db)) {
                        c.setAutoCommit(false);
                        for (long due = start + offset; ; due += intervalNanos) {
                            int i = sequence.getAndIncrement();
                            if (i >= total) {
                                return;
                            }
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            OutboxMessage m = message(topic, i, payload);
                            OutboxWriter.write(c, List.of(m));
                            c.commit();
                            long committed = System.nanoTime();
                            if (committed > warmupEnd) {
                                committedAt.put(m.id().toString(), committed);
                            }
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                threads.add(t);
                t.start();
            }
            Thread done = new Thread(() -> {
                threads.forEach(t -> {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                writing.set(false);
            });
            done.start();
            int received = 0;
            long quietSince = System.nanoTime();
            while (writing.get() || System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    long arrived = System.nanoTime();
                    received++;
                    quietSince = arrived;
                    Header id = r.headers().lastHeader("ce_id");
                    Long committed = id == null ? null : committedAt.remove(new String(id.value()));
                    if (committed != null) {
                        latencies.add((arrived - committed) / 1e6);
                    }
                }
                if (received >= total && !writing.get()) {
                    break;
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            Map<String, Object> cpu = sampler.stop(received);
            RelayTimings timings = relay.timings().minus(timingsAtStart);
            double[] values = latencies.stream().mapToDouble(Double::doubleValue).toArray();
            Latencies l = new Latencies(values);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("targetPerSecond", rate);
            result.put("seconds", seconds);
            result.put("warmupSeconds", warmupSeconds);
            result.put("writers", writers);
            result.put("achievedPerSecond", received / elapsed);
            result.put("eventsMeasured", values.length);
            result.put("eventsNeverArrived", committedAt.size());
            result.put("commitToTopic", l.summary());
            result.put("meanBatchSize", timings.meanBatchSize());
            result.put("relayTime", timeShares(timings));
            result.put("cpu", cpu);
            return result;
        }
    }

    @SuppressWarnings("unchecked")
    private static String perBatch(Map<String, Object> phase) {
        Map<String, Object> t = (Map<String, Object>) phase.get("relayTime");
        return String.format(java.util.Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", (double) t.get("engineMsPerBatch"),
                (double) t.get("sendMsPerBatch"), (double) t.get("backpressureMsPerBatch"), (double) t.get("ackWaitMsPerBatch"));
    }

    @SuppressWarnings("unchecked")
    private static String cores(Map<String, Object> phase, String sample, String key) {
        Map<String, Object> cpu = (Map<String, Object>) phase.get(sample);
        return cpu == null ? "?" : String.format(java.util.Locale.ROOT, "%.2f", ((Number) cpu.get(key)).doubleValue());
    }

    @SuppressWarnings("unchecked")
    private static String process(Map<String, Object> phase, String sample, String kind) {
        Map<String, Object> cpu = (Map<String, Object>) phase.get(sample);
        Map<String, Object> processes = cpu == null ? null : (Map<String, Object>) cpu.get("processes");
        Object v = processes == null ? null : processes.get(kind);
        return v == null ? "0" : String.format(java.util.Locale.ROOT, "%.2f", ((Number) v).doubleValue());
    }

    /** The relay's wall-clock time per batch, split by phase (see RelayTimings), in milliseconds. */
    private static Map<String, Object> timeShares(RelayTimings t) {
        Map<String, Object> m = new LinkedHashMap<>();
        double batches = Math.max(1, t.batches());
        m.put("batches", t.batches());
        m.put("records", t.records());
        m.put("engineMsPerBatch", t.engineNanos() / batches / 1e6);
        m.put("sendMsPerBatch", t.sendNanos() / batches / 1e6);
        m.put("backpressureMsPerBatch", t.backpressureNanos() / batches / 1e6);
        m.put("ackWaitMsPerBatch", t.ackNanos() / batches / 1e6);
        m.put("commitMsPerBatch", t.commitNanos() / batches / 1e6);
        return m;
    }

    private static RelaySettings settings(StackInfo stack, String db) {
        return RelaySettings.of("benchmark", stack.jdbcUrl(db), stack.postgresUser(), stack.postgresPassword(),
                db + "_slot", stack.kafkaBootstrapServers());
    }

    private static String freshDatabase(StackInfo stack) throws SQLException {
        String db = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = Ceilings.connect(stack, "benchmarks"); Statement s = c.createStatement()) {
            s.execute("create database " + db);
        }
        try (Connection c = Ceilings.connect(stack, db)) {
            OutboxSchema.install(c, db + "_slot");
        }
        return db;
    }

    private static KafkaConsumer<String, byte[]> consumer(StackInfo stack, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static OutboxMessage message(String topic, int i, String payload) {
        return new OutboxMessage(UUID.randomUUID(), topic, "benchmark", "agg-" + (i % 1000), "postventa.benchmark.event.v1",
                payload, Instant.now());
    }

    /** A JSON payload of about 1 KB. */
    private static String payload() {
        return "{\"orderId\":\"ORD-000000\",\"pad\":\"" + "x".repeat(EVENT_BYTES - 40) + "\"}";
    }
}
