package io.postventa.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.CloudEventHeaders;
import io.postventa.events.DeadLetterHeaders.Reason;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.SchemaValidator;
import io.postventa.events.SchemaViolation;
import io.postventa.events.Topics;
import io.postventa.events.orders.OrderLifecycleEventType;

/**
 * Reads a Kafka record into an {@link IncomingEvent}, accepting the three forms the contracts
 * allow: CloudEvents binary mode ({@code ce_*} headers), CloudEvents structured mode (an envelope
 * with {@code specversion}), and, on the inbound topics only, plain JSON with the same fields. What
 * cannot be trusted (not JSON, no event id, a type the topic does not carry, a schema violation, a
 * key that contradicts the data) is refused with a {@link PoisonEventException}.
 */
public final class EventReader {
    private final SchemaValidator validator;

    public EventReader(SchemaValidator validator) {
        this.validator = validator;
    }

    public IncomingEvent read(String topic, int partition, long offset, String key, Headers headers, String value) {
        String ceId = header(headers, CloudEventHeaders.ID);
        String ceType = header(headers, CloudEventHeaders.TYPE);
        if (value == null) {
            String id = ceId != null ? ceId : topic + "/" + partition + "/" + offset;
            return new IncomingEvent(id, null, header(headers, CloudEventHeaders.SOURCE), key, null, key, topic,
                    partition, offset, null);
        }
        JsonNode body;
        try {
            body = EventJson.readTree(value);
        } catch (RuntimeException e) {
            throw new PoisonEventException(Reason.NOT_JSON, "the value is not JSON: " + abbreviate(value));
        }
        if (!body.isObject()) {
            throw new PoisonEventException(Reason.NOT_JSON, "the value is JSON but not an object: " + abbreviate(value));
        }

        String id;
        String typeName;
        String source;
        String subject;
        String time;
        JsonNode data;
        if (ceId != null || ceType != null || header(headers, CloudEventHeaders.SPEC_VERSION) != null) {
            id = ceId;
            typeName = ceType;
            source = header(headers, CloudEventHeaders.SOURCE);
            subject = header(headers, CloudEventHeaders.SUBJECT);
            time = header(headers, CloudEventHeaders.TIME);
            data = body;
        } else if (body.has("specversion")) {
            id = text(body, "id");
            typeName = text(body, "type");
            source = text(body, "source");
            subject = text(body, "subject");
            time = text(body, "time");
            data = body.get("data");
            if (data == null || !data.isObject()) {
                throw new PoisonEventException(Reason.SCHEMA_VIOLATION, "a structured CloudEvent needs an object in data");
            }
        } else if (Topics.INBOUND.contains(topic)) {
            id = text(body, "eventId");
            typeName = plainType(topic, body);
            source = text(body, "source");
            subject = key;
            time = text(body, "occurredAt");
            data = body;
        } else {
            throw new PoisonEventException(Reason.UNKNOWN_TYPE,
                    "no CloudEvents type: " + topic + " carries only CloudEvents (ce_* headers or a structured envelope)");
        }

        if (id == null || id.isBlank()) {
            throw new PoisonEventException(Reason.MISSING_EVENT_ID, "the record has no event id (ce_id header, id or eventId)");
        }
        if (typeName == null) {
            throw new PoisonEventException(Reason.UNKNOWN_TYPE, "the record has no event type");
        }
        EventType type = EventType.fromCeType(typeName)
                .orElseThrow(() -> new PoisonEventException(Reason.UNKNOWN_TYPE, "unknown event type " + typeName));
        if (!type.topic().equals(topic)) {
            throw new PoisonEventException(Reason.UNKNOWN_TYPE, type.ceType() + " is not carried by " + topic);
        }
        List<SchemaViolation> violations = validator.validate(type, data);
        if (!violations.isEmpty()) {
            throw new PoisonEventException(Reason.SCHEMA_VIOLATION,
                    violations.stream().map(SchemaViolation::toString).collect(Collectors.joining("; ")));
        }
        checkConsistency(type, key, data);
        return new IncomingEvent(id, type, source, subject != null ? subject : key, instant(time), key, topic, partition,
                offset, data);
    }

    /**
     * The type a record declares in its {@code ce_type} header when that is a known type carried by {@code topic},
     * without reading the value; null otherwise (no header, an unknown type, another topic's type: for
     * {@link #read} to judge).
     */
    public static EventType declaredType(String topic, Headers headers) {
        String ceType = header(headers, CloudEventHeaders.TYPE);
        if (ceType == null) {
            return null;
        }
        return EventType.fromCeType(ceType).filter(type -> type.topic().equals(topic)).orElse(null);
    }

    private static String plainType(String topic, JsonNode body) {
        if (Topics.CUSTOMERS.equals(topic)) {
            return EventType.CUSTOMER_UPSERTED.ceType();
        }
        String eventType = text(body, "eventType");
        if (eventType == null) {
            throw new PoisonEventException(Reason.UNKNOWN_TYPE, "plain JSON on " + topic + " needs eventType");
        }
        try {
            return EventType.of(OrderLifecycleEventType.valueOf(eventType)).ceType();
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(Reason.UNKNOWN_TYPE, "unknown eventType " + eventType);
        }
    }

    /** The record key must be the aggregate id, and an order event's eventType must match its ce_type. */
    private static void checkConsistency(EventType type, String key, JsonNode data) {
        String aggregateId = text(data, type.keyProperty());
        if (key != null && aggregateId != null && !key.equals(aggregateId)) {
            throw new PoisonEventException(Reason.SCHEMA_VIOLATION, "the record key " + key + " is not the "
                    + type.keyProperty() + " " + aggregateId);
        }
        String eventType = text(data, "eventType");
        if (Topics.ORDERS_LIFECYCLE.equals(type.topic()) && eventType != null && !type.name().equals(eventType)) {
            throw new PoisonEventException(Reason.SCHEMA_VIOLATION, "eventType " + eventType + " contradicts "
                    + type.ceType());
        }
    }

    private static Instant instant(String time) {
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String header(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(name);
        return Optional.ofNullable(header).map(h -> h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8))
                .orElse(null);
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "...";
    }
}
