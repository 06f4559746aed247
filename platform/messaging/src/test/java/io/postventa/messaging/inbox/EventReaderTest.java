package io.postventa.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.events.DeadLetterHeaders.Reason;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.SchemaValidator;
import io.postventa.events.Topics;
import io.postventa.events.orders.OrderLifecycleEvent;

class EventReaderTest {
    private static final EventReader READER = new EventReader(new SchemaValidator());

    @Test
    void aPlainJsonOrderEventOnTheInboundTopicIsReadWithItsPlatformEventId() {
        String json = example("orders.lifecycle.v1/ORDER_PLACED.json");
        String orderId = EventJson.readTree(json).get("orderId").asText();
        IncomingEvent event = READER.read(Topics.ORDERS_LIFECYCLE, 0, 7, orderId, new RecordHeaders(), json);
        assertEquals(EventType.ORDER_PLACED, event.type());
        assertEquals(EventJson.readTree(json).get("eventId").asText(), event.id());
        assertEquals(orderId, event.data(OrderLifecycleEvent.class).orderId());
    }

    @Test
    void aStructuredCloudEventIsUnwrapped() {
        String data = example("orders.lifecycle.v1/SHIPMENT_DELIVERED.json");
        ObjectNode envelope = EventJson.newObjectMapper().createObjectNode();
        envelope.put("specversion", "1.0").put("id", "evt-1").put("type", EventType.SHIPMENT_DELIVERED.ceType())
                .put("source", "/platforms/shop").put("time", "2026-03-05T17:45:00Z");
        envelope.set("data", EventJson.readTree(data));
        String orderId = EventJson.readTree(data).get("orderId").asText();
        IncomingEvent event = READER.read(Topics.ORDERS_LIFECYCLE, 1, 2, orderId, new RecordHeaders(), envelope.toString());
        assertEquals("evt-1", event.id());
        assertEquals(EventType.SHIPMENT_DELIVERED, event.type());
        assertEquals("/platforms/shop", event.source());
    }

    @Test
    void internalTopicsAcceptOnlyCloudEvents() {
        String json = example("order-status.v1/ORDER_STATUS_CHANGED.json");
        PoisonEventException e = assertThrows(PoisonEventException.class,
                () -> READER.read(Topics.ORDER_STATUS, 0, 0, "ORD-100234", new RecordHeaders(), json));
        assertEquals(Reason.UNKNOWN_TYPE, e.reason());
    }

    @Test
    void binaryModeWithoutAnIdIsRefused() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", EventType.ORDER_STATUS_CHANGED.ceType().getBytes(StandardCharsets.UTF_8));
        PoisonEventException e = assertThrows(PoisonEventException.class, () -> READER.read(Topics.ORDER_STATUS, 0, 0,
                "ORD-100234", headers, example("order-status.v1/ORDER_STATUS_CHANGED.json")));
        assertEquals(Reason.MISSING_EVENT_ID, e.reason());
    }

    @Test
    void aTypeFromAnotherTopicIsRefused() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", "x".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", EventType.RETURN_DECIDED.ceType().getBytes(StandardCharsets.UTF_8));
        PoisonEventException e = assertThrows(PoisonEventException.class, () -> READER.read(Topics.ORDER_STATUS, 0, 0,
                "k", headers, example("return-decisions.v1/RETURN_DECIDED.json")));
        assertEquals(Reason.UNKNOWN_TYPE, e.reason());
        assertTrue(e.getMessage().contains("is not carried by order-status.v1"), e.getMessage());
    }

    @Test
    void anOrderEventWhoseEventTypeContradictsItsCeTypeIsRefused() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", "x".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", EventType.ORDER_PAID.ceType().getBytes(StandardCharsets.UTF_8));
        String placed = example("orders.lifecycle.v1/ORDER_PLACED.json");
        String orderId = EventJson.readTree(placed).get("orderId").asText();
        PoisonEventException e = assertThrows(PoisonEventException.class,
                () -> READER.read(Topics.ORDERS_LIFECYCLE, 0, 0, orderId, headers, placed));
        assertEquals(Reason.SCHEMA_VIOLATION, e.reason());
    }

    @Test
    void aTombstoneIsReadAsAnEraseWithoutData() {
        IncomingEvent event = READER.read(Topics.CUSTOMERS, 2, 40, "CUST-1", new RecordHeaders(), null);
        assertTrue(event.tombstone());
        assertNull(event.type());
        assertEquals("customers.v1/2/40", event.id());
    }

    private static String example(String path) {
        try (InputStream in = EventReaderTest.class.getClassLoader().getResourceAsStream("examples/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
