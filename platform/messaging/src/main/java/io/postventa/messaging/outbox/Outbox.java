package io.postventa.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.SchemaValidator;
import io.postventa.events.SchemaViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Publishes events through the transactional outbox: call it inside the transaction that changes
 * the state the event describes, and the event reaches Kafka if and only if that transaction commits.
 * <p>
 * The rows are written when the transaction is about to commit, all of a transaction's events in
 * one JDBC batch and in the order they were published: a consumer that applies a poll of 500
 * events in one transaction pays two round trips for its outbox, not a thousand. Contract
 * violations are still refused at the call.
 * <p>
 * Each row keeps the W3C trace context current when the event was published ({@link TraceContext}), so the trace
 * goes on in whichever service consumes it; committed rows are counted per topic
 * ({@code postventa_outbox_published_total}).
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // created at start so that its counters are there before the first event
public class Outbox {
    /** The key of a transaction's not yet written messages in the synchronization registry. */
    private static final Object PENDING = new Object();

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final SchemaValidator validator;
    private final boolean validate;
    private final MeterRegistry registry;
    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private final List<OutboxListener> listeners;
    private final boolean tracing;

    public Outbox(DataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxConfig config,
            MeterRegistry registry, jakarta.enterprise.inject.Instance<OutboxListener> listeners, Tracing tracing,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.application.name") String application) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.registry = registry;
        this.listeners = listeners.stream().toList();
        this.tracing = tracing.enabled();
        // The topics this service writes start at zero, so a dashboard's rate is 0 rather than missing.
        for (EventType type : EventType.values()) {
            if (type.producer().equals(application) || (EventType.Producers.PLATFORM.equals(type.producer())
                    && EventType.Producers.ORDER_STATUS.equals(application))) {
                publishedCounter(type.topic());
            }
        }
        this.validate = config.validate();
        this.validator = validate ? new SchemaValidator() : null;
    }

    /** Publishes {@code payload} as an event of {@code type} about {@code aggregateId}; returns its id (ce_id). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(EventType type, String aggregateId, Object payload) {
        return publish(type, aggregateId, payload, Instant.now());
    }

    /** As {@link #publish(EventType, String, Object)}, with the time the fact happened (ce_time). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(EventType type, String aggregateId, Object payload, Instant occurredAt) {
        UUID id = EventIds.next();
        write(type, aggregateId, payload, occurredAt, id.toString(), null);
        return id;
    }

    /**
     * Relays an event on behalf of its original producer (an e-commerce platform's webhook call):
     * it keeps that producer's event id as {@code ce_id} and its {@code ce_source}, so consumers
     * dedupe it with the same id whichever path it came by.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void relay(EventType type, String aggregateId, Object payload, Instant occurredAt, String eventId,
            String source) {
        write(type, aggregateId, payload, occurredAt, eventId, source);
    }

    /**
     * Publishes a tombstone (a null value) for {@code aggregateId} on {@code topic}: on a compacted
     * topic such as customers.v1 it means "erase this aggregate". It is ordered with the aggregate's
     * other outbox events and typed {@code postventa.<aggregateType>.erased.v1}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String tombstone(String topic, String aggregateType, String aggregateId, String eventId, String source) {
        OutboxMessage message = new OutboxMessage(eventId, topic, aggregateType, aggregateId, "postventa." + aggregateType + ".erased.v1",
                null, Instant.now(), source, traceparent());
        insert(message);
        return eventId;
    }

    private void write(EventType type, String aggregateId, Object payload, Instant occurredAt, String eventId,
            String source) {
        String json;
        if (validate) {
            // One tree, validated and then written: serializing to text only to parse it back cost more than the check.
            JsonNode tree = EventJson.toTree(payload);
            List<SchemaViolation> violations = validator.validate(type, tree);
            if (!violations.isEmpty()) {
                throw new IllegalArgumentException("event " + type.ceType() + " about " + aggregateId
                        + " breaks its contract: " + violations);
            }
            json = EventJson.toJson(tree);
        } else {
            json = EventJson.toJson(payload);
        }
        insert(new OutboxMessage(eventId, type.topic(), type.aggregate().name().toLowerCase(), aggregateId, type.ceType(),
                json, occurredAt, source, traceparent()));
    }

    private void insert(OutboxMessage message) {
        WriteBeforeCommit pending = (WriteBeforeCommit) transactions.getResource(PENDING);
        if (pending == null) {
            pending = new WriteBeforeCommit();
            transactions.putResource(PENDING, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        pending.add(message);
    }

    /** The trace context to store with a row: none while tracing is off, whatever the caller's thread carries. */
    private String traceparent() {
        return tracing ? TraceContext.current() : null;
    }

    private Counter publishedCounter(String topic) {
        return published.computeIfAbsent(topic, t -> Counter.builder("postventa.outbox.published")
                .description("Events committed to the outbox (to be relayed to Kafka)").tag("topic", t).register(registry));
    }

    private void writeRows(List<OutboxMessage> messages) {
        try (Connection connection = dataSource.getConnection()) {
            OutboxWriter.write(connection, messages);
        } catch (SQLException e) {
            // Thrown from beforeCompletion, it rolls the transaction back: the caller's commit fails.
            throw new IllegalStateException("cannot write to the outbox: " + e.getMessage(), e);
        }
    }

    /** A transaction's messages, written on its connection just before it commits (nothing if it rolls back). */
    private final class WriteBeforeCommit implements Synchronization {
        private final List<OutboxMessage> messages = new ArrayList<>();
        private boolean written;

        void add(OutboxMessage message) {
            if (written) {
                // published by another synchronization after this one ran: written at once, still in the transaction
                writeRows(List.of(message));
            }
            messages.add(message);
        }

        @Override
        public void beforeCompletion() {
            written = true;
            if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                writeRows(messages);
            }
        }

        @Override
        public void afterCompletion(int status) {
            // nothing to release: the connection went back to the pool in beforeCompletion
            if (status != Status.STATUS_COMMITTED) {
                return;
            }
            for (OutboxMessage message : messages) {
                publishedCounter(message.topic()).increment();
            }
            if (!listeners.isEmpty()) {
                for (OutboxMessage message : messages) {
                    for (OutboxListener listener : listeners) {
                        try {
                            listener.committed(message);
                        } catch (RuntimeException e) {
                            // a listener (a metric) must never undo or fail what was committed
                            org.jboss.logging.Logger.getLogger(Outbox.class).warnf("outbox listener %s failed: %s",
                                    listener.getClass().getName(), e.toString());
                        }
                    }
                }
            }
        }
    }
}
