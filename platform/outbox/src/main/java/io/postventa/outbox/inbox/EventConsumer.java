package io.postventa.outbox.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import io.postventa.events.SchemaValidator;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka message"));
        IncomingEvent event;
        try {
            event = reader.read(record.getTopic(), record.getPartition(), record.getOffset(),
                    record.getKey() == null ? null : record.getKey().toString(), record.getHeaders(), message.getPayload());
        } catch (PoisonEventException e) {
            return deadLetter(message, consumer, e.reason(), e);
        }
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
                return message.ack();
            } catch (PoisonEventException e) {
                return deadLetter(message, consumer, e.reason(), e);
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    LOG.errorf(e, "%s gave up on %s after %d attempts", consumer, event.id(), attempt);
                    return deadLetter(message, consumer, Reason.PROCESSING_FAILED,
                            new PoisonEventException(Reason.PROCESSING_FAILED, String.valueOf(e)));
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
