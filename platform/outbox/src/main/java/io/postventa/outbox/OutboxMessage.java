package io.postventa.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event to publish: it becomes a Kafka record on {@code topic} keyed by {@code aggregateId},
 * with {@code id} as {@code ce_id}, {@code type} as {@code ce_type}, {@code aggregateId} as
 * {@code ce_subject} and {@code occurredAt} as {@code ce_time}.
 */
public record OutboxMessage(
        UUID id,
        String topic,
        String aggregateType,
        String aggregateId,
        String type,
        String payloadJson,
        Instant occurredAt) {

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        requireText(topic, "topic");
        requireText(aggregateType, "aggregateType");
        requireText(aggregateId, "aggregateId");
        requireText(type, "type");
        requireText(payloadJson, "payloadJson");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
