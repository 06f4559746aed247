package io.postventa.orderstatus.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.postventa.events.common.OrderLine;
import io.postventa.events.common.SalesChannel;
import io.postventa.events.orders.CancellationDetails;
import io.postventa.events.orders.CancellationReason;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.events.orders.OrderPlacedDetails;
import io.postventa.events.orders.ShipmentDetails;
import io.postventa.events.orders.ShipmentExceptionDetails;

/** Lifecycle events for unit tests. */
final class Events {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Events() {
    }

    static OrderLifecycleEvent placed(String orderId, Instant at, LocalDate promised) {
        return new OrderLifecycleEvent(UUID.randomUUID().toString(), OrderLifecycleEventType.ORDER_PLACED, orderId, at,
                "shop-eu-1", new OrderPlacedDetails("CUST-1",
                        List.of(new OrderLine("SKU-1", "T-shirt", "apparel", new BigDecimal("19.90"), 2)), "EUR",
                        new BigDecimal("39.80"), null, null, "es-ES", SalesChannel.WEB, promised, "Valencia", "46001", "ES"),
                null, null, null, null, null, null, null);
    }

    static OrderLifecycleEvent event(OrderLifecycleEventType type, String orderId, Instant at) {
        ShipmentDetails shipment = type == OrderLifecycleEventType.ORDER_SHIPPED
                ? new ShipmentDetails("SEUR", "SEU1", "https://track.example/SEU1", null, "Madrid hub") : null;
        ShipmentExceptionDetails exception = type == OrderLifecycleEventType.SHIPMENT_EXCEPTION
                ? new ShipmentExceptionDetails("DAMAGED_IN_TRANSIT", "box crushed") : null;
        CancellationDetails cancellation = type == OrderLifecycleEventType.ORDER_CANCELLED
                ? new CancellationDetails(CancellationReason.CUSTOMER_REQUEST, null) : null;
        return new OrderLifecycleEvent(UUID.randomUUID().toString(), type, orderId, at, "shop-eu-1", null, null, shipment,
                null, exception, null, cancellation, null);
    }
}
