package io.postventa.orderstatus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.testing.TopicRecorder;

/** Builds orders.lifecycle.v1 records from the contract's examples, for one order, with fresh ids. */
public final class Lifecycle {
    private Lifecycle() {
    }

    /** The example of {@code type} about {@code orderId}, with a new eventId and the given time. */
    public static ObjectNode event(EventType type, String orderId, Instant occurredAt) {
        try (InputStream in = Lifecycle.class.getClassLoader().getResourceAsStream(type.examplePath())) {
            ObjectNode node = (ObjectNode) EventJson.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            node.put("eventId", UUID.randomUUID().toString());
            node.put("orderId", orderId);
            node.put("occurredAt", occurredAt.toString());
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ORDER_PLACED for {@code customerId}, promised for {@code promised}. */
    public static ObjectNode placed(String orderId, String customerId, Instant at, LocalDate promised) {
        ObjectNode node = event(EventType.ORDER_PLACED, orderId, at);
        ((ObjectNode) node.get("placed")).put("customerId", customerId);
        ((ObjectNode) node.get("placed")).put("promisedDeliveryDate", promised.toString());
        return node;
    }

    public static ObjectNode placed(String orderId, String customerId, Instant at) {
        return placed(orderId, customerId, at, LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(3));
    }

    /** CloudEvents binary-mode headers for a record of {@code type}. */
    public static Map<String, String> binaryHeaders(EventType type, ObjectNode event) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", event.get("eventId").asText());
        headers.put("ce_type", type.ceType());
        headers.put("ce_source", "/platforms/test-shop");
        headers.put("ce_time", event.get("occurredAt").asText());
        headers.put("ce_subject", event.get("orderId").asText());
        headers.put("content-type", "application/json");
        return headers;
    }

    /** A structured-mode CloudEvent wrapping {@code event}. */
    public static String structured(EventType type, ObjectNode event) {
        ObjectNode envelope = EventJson.readTree("{}").deepCopy();
        envelope.put("specversion", "1.0");
        envelope.put("id", event.get("eventId").asText());
        envelope.put("type", type.ceType());
        envelope.put("source", "/platforms/test-shop");
        envelope.put("time", event.get("occurredAt").asText());
        envelope.put("subject", event.get("orderId").asText());
        envelope.put("datacontenttype", "application/json");
        envelope.set("data", event);
        return envelope.toString();
    }

    /** The order-status.changed records of {@code orderId} among those recorded, as contract records. */
    public static List<OrderStatusChanged> changes(TopicRecorder recorder, String orderId) {
        return recorder.withKey(orderId).stream()
                .filter(r -> EventType.ORDER_STATUS_CHANGED.ceType().equals(TopicRecorder.header(r, "ce_type")))
                .map(r -> EventJson.fromJson(r.value(), OrderStatusChanged.class)).toList();
    }

    public static boolean isChange(ConsumerRecord<String, String> r, String orderId) {
        return orderId.equals(r.key()) && EventType.ORDER_STATUS_CHANGED.ceType().equals(TopicRecorder.header(r, "ce_type"));
    }
}
