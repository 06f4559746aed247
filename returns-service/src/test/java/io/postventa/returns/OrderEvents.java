package io.postventa.returns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.testing.KafkaTestClient;

/** Builds order-status.changed records from the contract's example, as order-status-service would send them. */
public final class OrderEvents {
    private OrderEvents() {
    }

    /** The example ORDER_STATUS_CHANGED with another order, customer, purchase number and times. */
    public static ObjectNode delivered(String orderId, String customerId, int purchaseNumber, Instant deliveredAt) {
        ObjectNode data = (ObjectNode) EventJson.readTree(example());
        data.put("orderId", orderId);
        data.put("customerId", customerId);
        data.put("purchaseNumber", purchaseNumber);
        data.put("occurredAt", deliveredAt.toString());
        data.put("deliveredAt", deliveredAt.toString());
        data.put("placedAt", deliveredAt.minusSeconds(3 * 86400).toString());
        data.put("sourceEventId", UUID.randomUUID().toString());
        return data;
    }

    /** Replaces the order's lines with one line. */
    public static ObjectNode withLine(ObjectNode data, String sku, String category, String unitPrice, int quantity) {
        ArrayNode lines = data.putArray("lines");
        ObjectNode line = lines.addObject();
        line.put("sku", sku);
        line.put("name", sku + " name");
        line.put("category", category);
        line.put("unitPrice", new java.math.BigDecimal(unitPrice));
        line.put("quantity", quantity);
        data.put("total", new java.math.BigDecimal(unitPrice).multiply(java.math.BigDecimal.valueOf(quantity)));
        return data;
    }

    /** Sends it with CloudEvents binary-mode headers, keyed by order id; returns the event id. */
    public static String send(KafkaTestClient kafka, ObjectNode data) {
        String id = UUID.randomUUID().toString();
        send(kafka, data, id);
        return id;
    }

    public static void send(KafkaTestClient kafka, ObjectNode data, String eventId) {
        String orderId = data.get("orderId").asText();
        kafka.sendEvent(EventType.ORDER_STATUS_CHANGED, orderId, eventId, data.toString(),
                Instant.parse(data.get("occurredAt").asText()));
    }

    private static String example() {
        try (InputStream in = OrderEvents.class.getClassLoader()
                .getResourceAsStream(EventType.ORDER_STATUS_CHANGED.examplePath())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
