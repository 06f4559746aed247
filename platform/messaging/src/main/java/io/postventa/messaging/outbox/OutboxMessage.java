package io.postventa.messaging.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event to publish: it becomes a Kafka record on {@code topic} keyed by {@code aggregateId},
 * with {@code id} as {@code ce_id}, {@code type} as {@code ce_type}, {@code aggregateId} as
 * {@code ce_subject}, {@code occurredAt} as {@code ce_time} and {@code source} as {@code ce_source}
 * (null: the publishing service). A null {@code payloadJson} is a tombstone. {@code traceparent} is the W3C trace
 * context of the transaction that published it (null when tracing is off); the relay sends it as the
 * {@code traceparent} header.
 */
public record OutboxMessage(
        String id,
        String topic,
        String aggregateType,
        String aggregateId,
        String type,
        String payloadJson,
        Instant occurredAt,
        String source,
        String traceparent) {

    public OutboxMessage {
        requireText(id, "id");
        requireText(topic, "topic");
        requireText(aggregateType, "aggregateType");
        requireText(aggregateId, "aggregateId");
        requireText(type, "type");
        if (payloadJson != null && payloadJson.isBlank()) {
            throw new IllegalArgumentException("payloadJson must be JSON or null (a tombstone)");
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** An event without trace context. */
    public OutboxMessage(String id, String topic, String aggregateType, String aggregateId, String type,
            String payloadJson, Instant occurredAt, String source) {
        this(id, topic, aggregateType, aggregateId, type, payloadJson, occurredAt, source, null);
    }

    /** An event of this service with a new id. */
    public OutboxMessage(UUID id, String topic, String aggregateType, String aggregateId, String type, String payloadJson,
            Instant occurredAt) {
        this(id.toString(), topic, aggregateType, aggregateId, type, payloadJson, occurredAt, null, null);
    }

    /** A top-level text field of the payload (an enum's name, an id), or null: for listeners that count facts. */
    public String payloadText(String field) {
        if (payloadJson == null) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode value = io.postventa.events.EventJson.readTree(payloadJson).get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
