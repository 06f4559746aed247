package io.postventa.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import io.postventa.events.DeadLetterHeaders;
import io.postventa.events.DeadLetterHeaders.Reason;
import io.postventa.events.EventType;
import io.postventa.events.SchemaValidator;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
 * the DLQ as PROCESSING_FAILED.</li>
 * </ol>
 * The channel must use {@code failure-strategy=dead-letter-queue} with
 * {@code dead-letter-queue.topic=<topic>.dlq} (see the outbox README).
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Inbox inbox;
    private final EventReader reader;
    private final MeterRegistry registry;
    private final int maxAttempts;
    private final Duration initialBackoff;

    public EventConsumer(Inbox inbox, MeterRegistry registry,
            @ConfigProperty(name = "postventa.consumer.max-attempts", defaultValue = "5") int maxAttempts,
            @ConfigProperty(name = "postventa.consumer.initial-backoff", defaultValue = "PT0.2S") Duration initialBackoff) {
        this.inbox = inbox;
        this.registry = registry;
        this.reader = new EventReader(new SchemaValidator());
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
    }

    /**
     * Processes {@code message} for {@code consumer} (a stable name: the dedupe scope) and acks it,
     * or nacks it to the DLQ. Call from a {@code @Blocking} {@code @Incoming} method.
     */
    public CompletionStage<Void> consume(Message<String> message, String consumer, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = read(message);
        } catch (PoisonEventException e) {
            return deadLetter(message, consumer, e.reason(), e);
        }
        return applyOne(message, event, consumer, handler).orElseGet(message::ack);
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
            } catch (PoisonEventException e) {
                deadLettered.add(deadLetter(record, consumer, e.reason(), e));
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
                firsts.forEach(handler);
                return firsts.size();
            });
            counter(consumer, "applied").increment(applied);
            counter(consumer, "duplicate").increment(events.size() - applied);
        } catch (RuntimeException e) {
            LOG.warnf("%s could not apply a batch of %d events as one, applying them one by one: %s", consumer,
                    events.size(), e);
            for (int i = 0; i < events.size(); i++) {
                applyOne(valid.get(i), events.get(i), consumer, handler).ifPresent(deadLettered::add);
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
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON_CODE, reason.name().getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.CONSUMER_GROUP, consumer.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.FAILED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        return message.nack(e, Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build()));
    }

    private Counter counter(String consumer, String outcome) {
        return Counter.builder("postventa.consumer.records").tag("consumer", consumer).tag("outcome", outcome)
                .register(registry);
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
