package io.postventa.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.jboss.logging.Logger;

import io.debezium.embedded.Connect;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.postventa.events.CloudEventHeaders;

/**
 * Relays a service's outbox to Kafka: an embedded Debezium engine (PostgreSQL connector, pgoutput)
 * reads committed outbox inserts from the WAL, Debezium's outbox EventRouter turns each into a
 * record for its topic keyed by the aggregate id, and this class sends them with CloudEvents
 * binary-mode headers. Offsets live in the service's own database (JdbcOffsetBackingStore).
 *
 * <p>Only one relay per service publishes: each replica tries a PostgreSQL advisory lock keyed by
 * the slot name and runs the engine only while its session holds it; a standby takes over within
 * {@link RelaySettings#lockRetryInterval()} when the leader's session ends. Delivery is
 * at-least-once: after a crash the records since the last flushed offset are sent again.
 *
 * <p>A row written with a trace context ({@code traceparent}) is sent in a PRODUCER span of that trace, from the
 * hand-over to the producer to Kafka's acknowledgement, and the record's {@code traceparent} header names that
 * span: the consumer in the next service continues the trace. Rows without one (tracing off) cost nothing.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** What this replica is doing. */
    public enum Role { STARTING, STANDBY, LEADER, STOPPED }

    private final RelaySettings settings;
    private final long lockKey;
    private final String ceSource;
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong engineNanos = new AtomicLong();
    private final AtomicLong sendNanos = new AtomicLong();
    private final AtomicLong backpressureNanos = new AtomicLong();
    private final AtomicLong ackNanos = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private volatile long lastForwardEnd;
    private volatile AckPipeline<ChangeEvent<SourceRecord, SourceRecord>> acks;
    private volatile boolean stopping;
    private final ExecutorService engineExecutor;
    private volatile Role role = Role.STARTING;
    private volatile boolean running;
    private volatile boolean engineHealthy;
    private volatile long lastLagMillis;
    private volatile Instant lastRelayedAt;
    private volatile String lastError;
    private volatile DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;
    private Thread control;
    private KafkaProducer<String, byte[]> producer;
    private final Tracer tracer;

    public OutboxRelay(RelaySettings settings) {
        this(settings, OpenTelemetry.noop());
    }

    /** A relay whose sends of traced rows are spans of {@code openTelemetry}'s tracer. */
    public OutboxRelay(RelaySettings settings, OpenTelemetry openTelemetry) {
        this.settings = settings;
        this.tracer = openTelemetry.getTracer("io.postventa.messaging.outbox");
        this.lockKey = ("postventa-outbox:" + settings.slotName()).hashCode();
        this.ceSource = "/postventa/" + settings.serviceName();
        this.engineExecutor = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay-engine"));
    }

    /** Starts competing for leadership in the background; returns at once. */
    public synchronized OutboxRelay start() {
        if (running) {
            return this;
        }
        running = true;
        producer = new KafkaProducer<>(producerProperties());
        control = new Thread(this::lead, "outbox-relay-" + settings.slotName());
        control.setDaemon(true);
        control.start();
        return this;
    }

    private void lead() {
        while (running) {
            try (Connection lock = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
                while (running && !tryLock(lock)) {
                    role = Role.STANDBY;
                    sleep(settings.lockRetryInterval());
                }
                if (!running) {
                    break;
                }
                role = Role.LEADER;
                LOG.infof("outbox relay of %s is the active relay (slot %s)", settings.serviceName(), settings.slotName());
                runEngineWhileLeader(lock);
            } catch (SQLException e) {
                lastError = e.getMessage();
                LOG.warnf("outbox relay of %s lost its database session: %s", settings.serviceName(), e.getMessage());
            }
            if (running) {
                role = Role.STANDBY;
                sleep(settings.lockRetryInterval());
            }
        }
        role = Role.STOPPED;
    }

    private boolean tryLock(Connection lock) throws SQLException {
        try (Statement s = lock.createStatement(); ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + lockKey + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Runs the engine until it fails, this relay stops, or the lock's session is lost. */
    private void runEngineWhileLeader(Connection lock) throws SQLException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AckPipeline<ChangeEvent<SourceRecord, SourceRecord>> pipeline = new AckPipeline<>(
                "outbox-relay-acks-" + settings.slotName(), settings.maxBatchesInFlight(), this::committed, ackNanos,
                commitNanos);
        acks = pipeline;
        stopping = false;
        engine = DebeziumEngine.create(Connect.class)
                .using(settings.engineProperties())
                .notifying(this::forward)
                .using((success, message, error) -> {
                    if (!success) {
                        lastError = message;
                    }
                    done.complete(null);
                })
                .build();
        engineHealthy = true;
        lastForwardEnd = 0;
        engineExecutor.execute(engine);
        try {
            while (running && !done.isDone()) {
                try {
                    done.get(settings.lockRetryInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (pipeline.failure() != null) {
                        lastError = pipeline.failure();
                        LOG.warnf("outbox relay of %s: %s; stopping the engine", settings.serviceName(), lastError);
                        break;
                    }
                    if (!lock.isValid(2)) {
                        LOG.warnf("outbox relay of %s lost its lock session; stopping the engine", settings.serviceName());
                        break;
                    }
                } catch (ExecutionException e) {
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            // Commit what Kafka acknowledged before the engine's last offset flush, so that a
            // graceful stop or hand-over replays nothing; from now on each batch is committed
            // before the engine gets the next one.
            stopping = true;
            awaitCommitted(pipeline, Duration.ofSeconds(30));
            closeEngine();
            engineHealthy = false;
            // Hold the lock until the engine has really stopped and its sends are settled: a
            // standby must never relay while this engine can still send.
            try {
                done.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("outbox relay engine of %s did not stop within 60 s", settings.serviceName());
            }
            producer.flush();
            pipeline.close(Duration.ofSeconds(10));
            if (pipeline.failure() != null) {
                lastError = pipeline.failure();
            }
        }
        if (running && lastError != null) {
            LOG.warnf("outbox relay engine of %s stopped: %s; restarting", settings.serviceName(), lastError);
        }
    }

    /**
     * Sends a batch of routed outbox records and hands it to the {@link AckPipeline}, which commits
     * its offsets once Kafka acknowledged it; meanwhile the engine prepares the next batch.
     */
    private void forward(List<ChangeEvent<SourceRecord, SourceRecord>> batch,
            DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer) throws InterruptedException {
        long start = System.nanoTime();
        if (lastForwardEnd != 0) {
            engineNanos.addAndGet(start - lastForwardEnd);
        }
        AckPipeline<ChangeEvent<SourceRecord, SourceRecord>> pipeline = acks;
        if (pipeline.failure() != null) {
            engineHealthy = false;
            lastError = pipeline.failure();
            throw new IllegalStateException(lastError);
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        Instant oldest = null;
        for (ChangeEvent<SourceRecord, SourceRecord> event : batch) {
            SourceRecord record = event.value();
            if (record == null || !isRoutedOutboxRecord(record)) {
                continue; // heartbeats, raw change topics and filtered deletes never reach Kafka
            }
            ProducerRecord<String, byte[]> out = toProducerRecord(record);
            Span span = sendSpan(out);
            sends.add(span == null ? producer.send(out) : producer.send(out, (metadata, error) -> {
                if (error != null) {
                    span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
                } else {
                    span.setAttribute(PARTITION, String.valueOf(metadata.partition()));
                    span.setAttribute(OFFSET, metadata.offset());
                }
                span.end();
            }));
            Instant time = eventTime(out);
            if (time != null && (oldest == null || time.isBefore(oldest))) {
                oldest = time;
            }
        }
        long sent = System.nanoTime();
        pipeline.submit(new AckPipeline.Batch<>(batch, sends, committer, oldest));
        if (stopping) {
            awaitCommitted(pipeline, Duration.ofSeconds(30));
        }
        long end = System.nanoTime();
        sendNanos.addAndGet(sent - start);
        backpressureNanos.addAndGet(end - sent);
        lastForwardEnd = end;
        if (!sends.isEmpty()) {
            batches.incrementAndGet();
        }
    }

    /** Called by the pipeline for each committed batch that carried records. */
    private void committed(int records, Instant oldest) {
        relayed.addAndGet(records);
        lastRelayedAt = Instant.now();
        if (oldest != null) {
            lastLagMillis = Duration.between(oldest, lastRelayedAt).toMillis();
        }
        engineHealthy = true;
    }

    private static void awaitCommitted(AckPipeline<?> pipeline, Duration timeout) {
        try {
            if (!pipeline.awaitIdle(timeout)) {
                LOG.warnf("relayed batches were not acknowledged within %s; they will be sent again", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isRoutedOutboxRecord(SourceRecord record) {
        String topic = record.topic();
        return topic != null && !topic.startsWith(settings.topicPrefix() + ".") && !topic.startsWith("__debezium");
    }

    private ProducerRecord<String, byte[]> toProducerRecord(SourceRecord record) {
        Object value = record.value();
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(record.topic(), null,
                record.key() == null ? null : record.key().toString(),
                value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8));
        for (Header header : record.headers()) {
            if ("id".equals(header.key()) || header.value() == null) {
                continue; // the EventRouter's own id header duplicates ce_id
            }
            out.headers().add(header.key(), header.value().toString().getBytes(StandardCharsets.UTF_8));
        }
        out.headers().add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(StandardCharsets.UTF_8));
        if (out.headers().lastHeader(CloudEventHeaders.SOURCE) == null) {
            out.headers().add(CloudEventHeaders.SOURCE, ceSource.getBytes(StandardCharsets.UTF_8));
        }
        if (value != null) {
            out.headers().add(CloudEventHeaders.CONTENT_TYPE,
                    CloudEventHeaders.APPLICATION_JSON.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("postventa.event.type");

    /**
     * Starts the span of sending a traced row (null for an untraced one) and points the record's traceparent at
     * it: the row's context is its parent, so the trace runs from the transaction that wrote the row to here.
     */
    private Span sendSpan(ProducerRecord<String, byte[]> out) {
        org.apache.kafka.common.header.Header stored = out.headers().lastHeader(TraceContext.TRACEPARENT);
        if (stored == null) {
            return null;
        }
        Context parent = TraceContext.extract(Context.root(), new String(stored.value(), StandardCharsets.UTF_8));
        Span span = tracer.spanBuilder(out.topic() + " publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka").setAttribute(OPERATION, "publish").setAttribute(DESTINATION, out.topic())
                .setAttribute(MESSAGE_ID, header(out, CloudEventHeaders.ID))
                .setAttribute(EVENT_TYPE, header(out, CloudEventHeaders.TYPE)).startSpan();
        String traceparent = TraceContext.of(parent.with(span));
        if (traceparent != null) {
            out.headers().remove(TraceContext.TRACEPARENT);
            out.headers().add(TraceContext.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return span;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant eventTime(ProducerRecord<String, byte[]> record) {
        org.apache.kafka.common.header.Header time = record.headers().lastHeader(CloudEventHeaders.TIME);
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(new String(time.value(), StandardCharsets.UTF_8));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, settings.serviceName() + "-outbox-relay");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    private void closeEngine() {
        DebeziumEngine<?> current = engine;
        engine = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                LOG.warnf("closing the outbox relay engine failed: %s", e.getMessage());
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Role role() {
        return role;
    }

    /** True while this replica relays (or stands by) without errors. */
    public boolean healthy() {
        return running && (role == Role.STANDBY || (role == Role.LEADER && engineHealthy));
    }

    /** Records relayed to Kafka by this replica since it started. */
    public long relayedCount() {
        return relayed.get();
    }

    /** Batches handed to Kafka by this replica (relayed / batches = the mean batch size). */
    public long batchCount() {
        return batches.get();
    }

    /** Where this replica's relaying time went so far (see {@link RelayTimings}). */
    public RelayTimings timings() {
        return new RelayTimings(batches.get(), relayed.get(), engineNanos.get(), sendNanos.get(),
                backpressureNanos.get(), ackNanos.get(), commitNanos.get());
    }

    /** Time from an event's commit (ce_time) to Kafka's acknowledgement, for the last batch relayed. */
    public long lastLagMillis() {
        return lastLagMillis;
    }

    public Instant lastRelayedAt() {
        return lastRelayedAt;
    }

    public String lastError() {
        return lastError;
    }

    public RelaySettings settings() {
        return settings;
    }

    /** Stops relaying: the engine flushes its offsets and the lock is released for a standby. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        closeEngine();
        if (control != null) {
            try {
                control.join(90_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        engineExecutor.shutdown();
        producer.close(Duration.ofSeconds(5));
        role = Role.STOPPED;
    }
}
