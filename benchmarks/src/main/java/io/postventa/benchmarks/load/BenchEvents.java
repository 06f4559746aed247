package io.postventa.benchmarks.load;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.postventa.events.CloudEventHeaders;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.SchemaValidator;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.common.SalesChannel;
import io.postventa.events.customers.CustomerUpserted;
import io.postventa.events.customers.MarketingConsents;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.events.orders.OrderPlacedDetails;
import io.postventa.events.orders.PaymentDetails;
import io.postventa.events.orders.ShipmentDetails;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.testing.KafkaTestClient;

/**
 * The contract events the benchmarks publish, as a platform or order-status-service would write them:
 * CloudEvents binary mode, JSON data. The first event of each type is checked against its JSON Schema, so a
 * benchmark never measures the dead-letter path by mistake.
 */
public final class BenchEvents {
    /** An order's journey from placement to delivery, one inbound event per stage. */
    public static final List<OrderLifecycleEventType> JOURNEY = List.of(OrderLifecycleEventType.ORDER_PLACED,
            OrderLifecycleEventType.ORDER_PAID, OrderLifecycleEventType.ORDER_PACKED,
            OrderLifecycleEventType.ORDER_SHIPPED, OrderLifecycleEventType.SHIPMENT_IN_TRANSIT,
            OrderLifecycleEventType.SHIPMENT_OUT_FOR_DELIVERY, OrderLifecycleEventType.SHIPMENT_DELIVERED);

    private static final SchemaValidator SCHEMAS = new SchemaValidator();
    private static final Set<EventType> CHECKED = EnumSet.noneOf(EventType.class);
    private static final List<OrderLine> LINES = List.of(
            new OrderLine("TSHIRT-BLU-M", "Organic cotton T-shirt, blue, M", "apparel", new BigDecimal("19.90"), 2),
            new OrderLine("SNEAKER-WHT-42", "Canvas sneakers, white, 42", "footwear", new BigDecimal("59.00"), 1));
    private static final BigDecimal TOTAL = new BigDecimal("103.75");

    private BenchEvents() {
    }

    public static String customerId(long n) {
        return "BENCH-C" + n;
    }

    /** A customer with every channel's contact point and consent, English, UTC, so nothing is held back. */
    public static Producer.Outgoing customer(long n) {
        String id = customerId(n);
        CustomerUpserted c = new CustomerUpserted(UUID.randomUUID().toString(), id, Instant.now(), "bench-shop",
                "customer" + n + "@example.com", "+3460" + String.format("%07d", n % 10_000_000), "push-token-" + n,
                "Customer" + n, "Bench", "en", "UTC", null, null, new MarketingConsents(true, true, true, true));
        return event(EventType.CUSTOMER_UPSERTED, id, c.eventId(), c);
    }

    /** order-status.changed PACKED to SHIPPED, as order-status-service publishes it. */
    public static Producer.Outgoing shipped(String orderId, String customerId) {
        Instant now = Instant.now();
        OrderStatusChanged e = new OrderStatusChanged(orderId, customerId, now, OrderStatus.PACKED, OrderStatus.SHIPPED,
                UUID.randomUUID().toString(), 2, "en-GB", SalesChannel.WEB, "EUR", TOTAL, LINES,
                now.minusSeconds(86_400), LocalDate.now().plusDays(2), "SEUR", "SEU" + orderId,
                "https://tracking.example-carrier.com/t/SEU" + orderId, null, null);
        return event(EventType.ORDER_STATUS_CHANGED, orderId, UUID.randomUUID().toString(), e);
    }

    /** One stage of an order's journey on orders.lifecycle.v1, as an e-commerce platform writes it. */
    public static Producer.Outgoing lifecycle(String orderId, String customerId, OrderLifecycleEventType stage) {
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        ShipmentDetails shipment = new ShipmentDetails("SEUR", "SEU" + orderId,
                "https://tracking.example-carrier.com/t/SEU" + orderId, LocalDate.now().plusDays(2), "Madrid hub");
        OrderLifecycleEvent e = switch (stage) {
            case ORDER_PLACED -> new OrderLifecycleEvent(id, stage, orderId, now, "bench-shop",
                    new OrderPlacedDetails(customerId, LINES, "EUR", TOTAL, new BigDecimal("4.95"), BigDecimal.ZERO,
                            "en-GB", SalesChannel.WEB, LocalDate.now().plusDays(3), "Valencia", "46001", "ES"),
                    null, null, null, null, null, null, null);
            case ORDER_PAID -> new OrderLifecycleEvent(id, stage, orderId, now, "bench-shop", null,
                    new PaymentDetails(TOTAL, "EUR", "card"), null, null, null, null, null, null);
            default -> new OrderLifecycleEvent(id, stage, orderId, now, "bench-shop", null, null,
                    stage == OrderLifecycleEventType.ORDER_PACKED ? null : shipment, null, null, null, null, null);
        };
        return event(EventType.valueOf(stage.name()), orderId, id, e);
    }

    private static Producer.Outgoing event(EventType type, String key, String eventId, Object data) {
        Producer.Outgoing o = contract(type, key, eventId, data, Instant.now());
        Map<String, String> headers = new HashMap<>(o.headers());
        headers.put(CloudEventHeaders.SOURCE, "/shops/bench-shop");
        return new Producer.Outgoing(o.topic(), key, o.value(), headers);
    }

    /** Any contract event, keyed by its aggregate id, its CloudEvents time {@code time}. */
    public static Producer.Outgoing contract(EventType type, String key, String eventId, Object data, Instant time) {
        String json = EventJson.toJson(data);
        synchronized (CHECKED) {
            if (CHECKED.add(type)) {
                SCHEMAS.requireValid(type, json);
            }
        }
        return new Producer.Outgoing(type.topic(), key, json, KafkaTestClient.cloudEventHeaders(type, key, eventId, time));
    }
}
