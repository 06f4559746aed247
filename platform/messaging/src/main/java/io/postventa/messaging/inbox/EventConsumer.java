package io.postventa.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.postventa.messaging.outbox.TraceContext;
import io.postventa.messaging.retry.Failures;
import io.postventa.events.DeadLetterHeaders;
import io.postventa.events.DeadLetterHeaders.Reason;
import io.postventa.events.EventType;
import io.postventa.events.SchemaValidator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs a service's handler for one consumed record, the way every Postventa consumer must:
 * <ol>
 * <li>read and validate the record ({@link EventReader}); a poison record is nacked to the channel's
 * dead-letter topic with the reason, and the partition goes on;</li>
 * <li>in one new transaction, record the event id in the processed-events table and apply the
 * handler; a redelivered event commits nothing;</li>
 * <li>retry a failing handler with exponential backoff; after the last attempt the record goes to
 * the DLQ as PROCESSING_FAILED. A failure to reach the database (down, restarting, no pooled connection) is not
 * the event's fault and is not counted as an attempt: the consumer waits for the database (backoff up to
 * {@code postventa.consumer.max-unavailable-backoff}) and holds the partition until it answers.</li>
 * </ol>
 * The channel must use {@code failure-strategy=dead-letter-queue} with
 * {@code dead-letter-queue.topic=<topic>.dlq} (see the outbox README).
 * <p>
 * Each event is processed in a CONSUMER span that continues the trace its record carries: the Kafka connector's
 * receive span when the connector traces, else the record's {@code traceparent} header. Whatever the handler
 * publishes through the outbox, or calls, belongs to that trace. Dead letters are counted per topic and reason
 * ({@code postventa_dead_letters_total}).
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Inbox inbox;
    private final EventReader reader;
    private final MeterRegistry registry;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxUnavailableBackoff;
    private final Tracer tracer;
    private final boolean tracing;
    private final EventTraces traces;

    public EventConsumer(Inbox inbox, MeterRegistry registry, io.postventa.messaging.outbox.Tracing tracing, EventTraces traces,
            @ConfigProperty(name = "postventa.consumer.max-attempts", defaultValue = "5") int maxAttempts,
            @ConfigProperty(name = "postventa.consumer.initial-backoff", defaultValue = "PT0.2S") Duration initialBackoff,
            @ConfigProperty(name = "postventa.consumer.max-unavailable-backoff", defaultValue = "PT5S") Duration maxUnavailableBackoff) {
        this.inbox = inbox;
        this.registry = registry;
        this.tracer = tracing.tracer();
        this.tracing = tracing.enabled();
        this.traces = traces;
        this.reader = new EventReader(new SchemaValidator());
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxUnavailableBackoff = maxUnavailableBackoff;
    }

    /**
     * Processes {@code message} for {@code consumer} (a stable name: the dedupe scope) and acks it,
     * or nacks it to the DLQ. Call from a {@code @Blocking} {@code @Incoming} method.
     */
    public CompletionStage<Void> consume(Message<String> message, String consumer, Consumer<IncomingEvent> handler) {
        Span span = startSpan(message, consumer);
        try (Scope scope = span.makeCurrent()) {
            IncomingEvent event;
            try {
                event = read(message);
            } catch (PoisonEventException e) {
                return deadLetter(message, consumer, e.reason(), e);
            }
            describe(span, event);
            return applyOne(message, event, consumer, handler).orElseGet(message::ack);
        } finally {
            span.end();
        }
    }

    /**
     * Processes a whole poll of records (a channel with {@code batch=true}) in ONE transaction: each
     * event is still deduplicated on its own id, but the batch costs one commit instead of one per
     * record. Poison records go to the DLQ one by one and the rest of the batch goes on; if applying
     * the batch fails, its records are applied one at a time (with the usual retries) so that one bad
     * event cannot hold back the others. Call from a {@code @Blocking} {@code @Incoming} method that
     * receives a {@code KafkaRecordBatch<String, String>}.
     */
    public CompletionStage<Void> consumeBatch(KafkaRecordBatch<String, String> batch, String consumer,
            Consumer<IncomingEvent> handler) {
        return consumeBatch(batch, consumer, events -> {
        }, handler);
    }

    /**
     * As {@link #consumeBatch(KafkaRecordBatch, String, Consumer)}, and before the handler runs on each new event,
     * {@code prepare} gets them all at once inside the batch's transaction, so that a service can load what the batch
     * needs (the orders it touches, say) in one query instead of one per event.
     */
    public CompletionStage<Void> consumeBatch(KafkaRecordBatch<String, String> batch, String consumer,
            Consumer<List<IncomingEvent>> prepare, Consumer<IncomingEvent> handler) {
        return consumeBatch(batch, consumer, null, prepare, handler);
    }

    /**
     * As {@link #consumeBatch(KafkaRecordBatch, String, Consumer)} for a consumer that handles only {@code handled}
     * of the types its topic carries (see the next method).
     */
    public CompletionStage<Void> consumeBatch(KafkaRecordBatch<String, String> batch, String consumer,
            Set<EventType> handled, Consumer<IncomingEvent> handler) {
        return consumeBatch(batch, consumer, handled, events -> {
        }, handler);
    }

    /**
     * As {@link #consumeBatch(KafkaRecordBatch, String, Consumer, Consumer)} for a consumer that handles only
     * {@code handled} of the types its topic carries. A record of another type is acknowledged without being
     * validated or recorded in the inbox (it is not this consumer's business, so not its dead letter either): when
     * its {@code ce_type} header names the type, its value is not even parsed. A tombstone has no type and is skipped
     * too: a consumer of tombstones passes no filter.
     */
    public CompletionStage<Void> consumeBatch(KafkaRecordBatch<String, String> batch, String consumer,
            Set<EventType> handled, Consumer<List<IncomingEvent>> prepare, Consumer<IncomingEvent> handler) {
        List<KafkaRecord<String, String>> valid = new ArrayList<>();
        List<IncomingEvent> events = new ArrayList<>();
        Map<IncomingEvent, KafkaRecord<String, String>> recordOf = new IdentityHashMap<>();
        List<CompletionStage<Void>> deadLettered = new ArrayList<>();
        int skipped = 0;
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            if (handled != null) {
                EventType declared = EventReader.declaredType(record.getTopic(), record.getHeaders());
                if (declared != null && !handled.contains(declared)) {
                    skipped++;
                    continue;
                }
            }
            try {
                IncomingEvent event = read(record);
                if (handled != null && (event.type() == null || !handled.contains(event.type()))) {
                    skipped++;
                    continue;
                }
                events.add(event);
                valid.add(record);
                recordOf.put(event, record);
            } catch (PoisonEventException e) {
                Span span = startSpan(record, consumer);
                try (Scope scope = span.makeCurrent()) {
                    deadLettered.add(deadLetter(record, consumer, e.reason(), e));
                } finally {
                    span.end();
                }
            }
        }
        if (skipped > 0) {
            counter(consumer, "ignored").increment(skipped);
        }
        try {
            int applied = events.isEmpty() ? 0 : QuarkusTransaction.requiringNew().call(() -> {
                Set<String> fresh = inbox.firstDeliveries(consumer, events.stream().map(IncomingEvent::id).toList());
                // remove(): a record that appears twice in one poll is applied once
                List<IncomingEvent> firsts = events.stream().filter(event -> fresh.remove(event.id())).toList();
                if (!firsts.isEmpty()) {
                    prepare.accept(firsts);
                }
                for (IncomingEvent event : firsts) {
                    Span span = startSpan(recordOf.get(event), consumer);
                    describe(span, event);
                    try (Scope scope = span.makeCurrent()) {
                        handler.accept(event);
                    } catch (RuntimeException e) {
                        span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
                        throw e;
                    } finally {
                        span.end();
                    }
                }
                return firsts.size();
            });
            counter(consumer, "applied").increment(applied);
            counter(consumer, "duplicate").increment(events.size() - applied);
        } catch (RuntimeException e) {
            LOG.warnf("%s could not apply a batch of %d events as one, applying them one by one: %s", consumer,
                    events.size(), e);
            for (int i = 0; i < events.size(); i++) {
                Span span = startSpan(valid.get(i), consumer);
                describe(span, events.get(i));
                try (Scope scope = span.makeCurrent()) {
                    applyOne(valid.get(i), events.get(i), consumer, handler).ifPresent(deadLettered::add);
                } finally {
                    span.end();
                }
            }
        }
        CompletableFuture<?>[] pending = deadLettered.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(pending).thenCompose(ignored -> batch.ack());
    }

    private IncomingEvent read(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka message"));
        return reader.read(record.getTopic(), record.getPartition(), record.getOffset(),
                record.getKey() == null ? null : record.getKey().toString(), record.getHeaders(), message.getPayload());
    }

    /**
     * Applies one event in its own transaction, retrying with backoff; returns the dead-letter
     * stage when it gave up (or the event is poison), empty when it was applied or a duplicate.
     */
    private Optional<CompletionStage<Void>> applyOne(Message<String> message, IncomingEvent event, String consumer,
            Consumer<IncomingEvent> handler) {
        Duration backoff = initialBackoff;
        Duration unavailableBackoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.firstDelivery(consumer, event.id())) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
                counter(consumer, applied ? "applied" : "duplicate").increment();
                return Optional.empty();
            } catch (PoisonEventException e) {
                return Optional.of(deadLetter(message, consumer, e.reason(), e));
            } catch (RuntimeException e) {
                if (Failures.isTransientDatabaseFailure(e)) {
                    // the event is not at fault: hold the partition until the database answers again, however long
                    // that takes, instead of spending the attempts and dead-lettering a good event
                    Counter.builder("postventa.consumer.waits")
                            .description("Times a consumer waited for its database to come back before applying an event")
                            .tag("consumer", consumer).register(registry).increment();
                    LOG.warnf("%s cannot reach its database for %s, trying again in %d ms (not counted as an attempt): %s",
                            consumer, event.id(), unavailableBackoff.toMillis(), e);
                    if (!pause(unavailableBackoff)) {
                        // shutting down: neither ack nor nack, so the event is delivered again after the restart
                        return Optional.of(new CompletableFuture<>());
                    }
                    unavailableBackoff = min(unavailableBackoff.multipliedBy(2), maxUnavailableBackoff);
                    attempt--;
                    continue;
                }
                if (attempt >= maxAttempts) {
                    LOG.errorf(e, "%s gave up on %s after %d attempts", consumer, event.id(), attempt);
                    return Optional.of(deadLetter(message, consumer, Reason.PROCESSING_FAILED,
                            new PoisonEventException(Reason.PROCESSING_FAILED, String.valueOf(e))));
                }
                LOG.warnf("%s failed on %s (attempt %d of %d), retrying in %d ms: %s", consumer, event.id(), attempt,
                        maxAttempts, backoff.toMillis(), e);
                sleep(backoff.plusMillis(ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2 + 1)));
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private CompletionStage<Void> deadLetter(Message<String> message, String consumer, Reason reason, Exception e) {
        LOG.warnf("%s sends a record to the dead-letter topic: %s", consumer, e.getMessage());
        counter(consumer, "dead-lettered").increment();
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse("unknown");
        Counter.builder("postventa.dead.letters").description("Records sent to a dead-letter topic, by source topic")
                .tag("topic", topic).tag("consumer", consumer).tag("reason", reason.name()).register(registry).increment();
        Span.current().setStatus(StatusCode.ERROR, "dead-lettered: " + reason.name());
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON_CODE, reason.name().getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.CONSUMER_GROUP, consumer.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.FAILED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        return message.nack(e, Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build()));
    }

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    private static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("postventa.event.type");
    private static final AttributeKey<String> SUBJECT = AttributeKey.stringKey("postventa.event.subject");

    /**
     * The span of processing one record: a child of the connector's receive span (its TracingMetadata) when there
     * is one, else of the record's traceparent header, else a new trace; the invalid span when tracing is off.
     */
    private Span startSpan(Message<?> message, String consumer) {
        if (!tracing) {
            return Span.getInvalid(); // tracing off: no span, and no trace context passed on to what is published
        }
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        Context parent = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext).orElse(null);
        if (parent == null || !Span.fromContext(parent).getSpanContext().isValid()) {
            parent = TraceContext.extract(Context.root(), record == null ? null
                    : EventReader.header(record.getHeaders(), TraceContext.TRACEPARENT));
        }
        String topic = record == null ? "unknown" : record.getTopic();
        var builder = tracer.spanBuilder(topic + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER);
        Span span = builder.startSpan();
        if (span.isRecording()) {
            span.setAttribute(SYSTEM, "kafka");
            span.setAttribute(OPERATION, "process");
            span.setAttribute(DESTINATION, topic);
            span.setAttribute(GROUP, consumer);
            if (record != null) {
                span.setAttribute(PARTITION, String.valueOf(record.getPartition()));
                span.setAttribute(OFFSET, record.getOffset());
            }
        }
        return span;
    }

    /** Names the event in its span (ids and type only: never personal data) and remembers the span for queued work. */
    private void describe(Span span, IncomingEvent event) {
        if (span.isRecording()) {
            span.setAttribute(MESSAGE_ID, event.id());
            if (event.type() != null) {
                span.setAttribute(EVENT_TYPE, event.type().ceType());
            }
            if (event.subject() != null) {
                span.setAttribute(SUBJECT, event.subject());
            }
            traces.remember(event.id(), span.getSpanContext());
        }
    }

    private Counter counter(String consumer, String outcome) {
        return Counter.builder("postventa.consumer.records")
                .description("Records a consumer took, by what it did with them (applied, duplicate, ignored, dead-lettered)")
                .tag("consumer", consumer).tag("outcome", outcome).register(registry);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Sleeps; false when the thread was interrupted (the application is stopping). */
    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
