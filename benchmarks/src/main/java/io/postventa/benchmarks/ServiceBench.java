package io.postventa.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.postventa.devstack.PlatformService;
import io.postventa.devstack.ServiceProcess;
import io.postventa.devstack.StackSettings;
import io.postventa.devstack.StackState;
import io.postventa.devstack.TestStackLauncher;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.StackInfo;
import io.postventa.testing.TestStack;

/**
 * What a benchmark of one service needs: its own Kafka and PostgreSQL (devstack's Infrastructure
 * in a process of its own, as for the tests and OutboxRelayBenchmark, on the ports and in the
 * directory the environment names, fresh each run and stopped when this JVM ends), the service run
 * from its packaged jar as a separate process, a producer to feed its topics, taps that see what it
 * publishes, and the CPU time each process used.
 */
public final class ServiceBench implements AutoCloseable {
    private final Path root;
    private final StackState state;
    private final Path logs;
    private final StackCpu cpu;
    private final KafkaProducer<String, String> producer;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<Tap> taps = new ArrayList<>();

    private ServiceBench(Path root, StackState state, Path dir) {
        this.root = root;
        this.state = state;
        this.logs = dir.resolve("logs");
        this.cpu = new StackCpu(dir, state);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, state.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    /** Starts Kafka, PostgreSQL and SMTP with fresh data (the test profile's settings and databases). */
    public static ServiceBench start() {
        Path root = TestStack.projectRoot();
        StackSettings settings = StackSettings.test(root);
        long started = System.nanoTime();
        StackState state = TestStackLauncher.ensureStarted(root);
        System.out.printf("Kafka %s and PostgreSQL %s ready in %.1f s (data in %s)%n", state.kafkaBootstrapServers(),
                state.postgresJdbcPrefix(), (System.nanoTime() - started) / 1e9, settings.dir());
        ServiceBench bench = new ServiceBench(root, state, settings.dir());
        Runtime.getRuntime().addShutdownHook(new Thread(bench::close, "bench-stop"));
        return bench;
    }

    public Path root() {
        return root;
    }

    /** The stack as {@link Ceilings} and JDBC helpers want it. */
    public StackInfo stack() {
        return new StackInfo(state.kafkaBootstrapServers(), state.postgresJdbcPrefix(), state.postgresUser(),
                state.postgresPassword(), "127.0.0.1", state.smtpPort(), state.jwtPublicKey().toUri().toString());
    }

    /**
     * Runs the service from its jar with extra settings given as {@code -Dsetting=value} and waits
     * until it is ready; its log goes to {@code logs/<service>.log} under the stack's directory.
     */
    public ServiceProcess startService(PlatformService service, List<String> jvmArguments) {
        long started = System.nanoTime();
        ServiceProcess process = new ServiceProcess(service, root, logs);
        services.add(process);
        Map<String, String> properties = new LinkedHashMap<>();
        for (String argument : jvmArguments) {
            if (!argument.startsWith("-D") || !argument.contains("=")) {
                throw new IllegalArgumentException("not a -Dkey=value setting: " + argument);
            }
            int eq = argument.indexOf('=');
            properties.put(argument.substring(2, eq), argument.substring(eq + 1));
        }
        process.start(state, properties);
        process.awaitReady(Duration.ofSeconds(180));
        System.out.printf("%s ready in %.1f s (pid %d, log %s)%n", service.serviceName(),
                (System.nanoTime() - started) / 1e9, process.pid(), process.log());
        return process;
    }

    /** Stops a service started here and waits for its process to end. */
    public void stopService(ServiceProcess process) {
        process.close();
        services.remove(process);
    }

    /** Sends a record without waiting; {@code callback} may be null. */
    public void send(String topic, String key, String value, Map<String, String> headers, Long timestamp,
            Callback callback) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, timestamp, key, value);
        headers.forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        producer.send(record, callback);
    }

    /**
     * Sends a contract event as its producer would (CloudEvents binary mode, keyed by the aggregate id),
     * stamped with the current time; returns that timestamp (epoch ms), which the record carries.
     */
    public long sendEvent(EventType type, String key, String eventId, Object payload, Instant occurredAt,
            Callback callback) {
        long now = System.currentTimeMillis();
        send(type.topic(), key, EventJson.toJson(payload), KafkaTestClient.cloudEventHeaders(type, key, eventId, occurredAt),
                now, callback);
        return now;
    }

    /** Waits until every record sent so far is acknowledged. */
    public void flush() {
        producer.flush();
    }

    /**
     * Starts reading {@code topic} from its current end; {@code onRecord} gets each record with the
     * time (epoch ms) the poll that brought it returned.
     */
    public Tap tap(String topic, BiConsumer<ConsumerRecord<String, String>, Long> onRecord) {
        Tap tap = new Tap(state.kafkaBootstrapServers(), topic, onRecord);
        taps.add(tap);
        return tap;
    }

    /**
     * Deletes every record {@code topic} holds now (its log start moves to its end): a consumer group that
     * has not started yet then begins after them. Returns how many records were deleted.
     */
    public long truncate(String topic) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, state.kafkaBootstrapServers());
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().forEach(i -> {
                latest.put(new TopicPartition(topic, i.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(topic, i.partition()), OffsetSpec.earliest());
            });
            var ends = admin.listOffsets(latest).all().get();
            var starts = admin.listOffsets(earliest).all().get();
            Map<TopicPartition, RecordsToDelete> delete = new LinkedHashMap<>();
            long deleted = 0;
            for (var e : ends.entrySet()) {
                delete.put(e.getKey(), RecordsToDelete.beforeOffset(e.getValue().offset()));
                deleted += e.getValue().offset() - starts.get(e.getKey()).offset();
            }
            admin.deleteRecords(delete).all().get();
            return deleted;
        }
    }

    /** A JDBC connection to one of the stack's databases. */
    public Connection db(String database) throws SQLException {
        return DriverManager.getConnection(state.jdbcUrl(database), state.postgresUser(), state.postgresPassword());
    }

    /** CPU use of the service process, Kafka, PostgreSQL, this JVM and the machine, now. */
    public StackCpu.Snapshot cpu(ServiceProcess service) {
        return cpu.now(service.pid());
    }

    @Override
    public synchronized void close() {
        taps.forEach(Tap::close);
        taps.clear();
        services.forEach(ServiceProcess::close);
        services.clear();
        producer.close(Duration.ofSeconds(5));
    }

    /** Reads a topic from its end in the background and hands every record to a callback. */
    public static final class Tap implements AutoCloseable {
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

    /** The value of {@code --name} in the arguments, or the fallback. */
    public static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--" + name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** Waits (polling every 100 ms) until {@code done} holds; false if the timeout passed first. */
    public static boolean await(Duration timeout, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
