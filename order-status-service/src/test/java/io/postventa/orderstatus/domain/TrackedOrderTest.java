package io.postventa.orderstatus.domain;

import static io.postventa.events.orders.OrderLifecycleEventType.*;
import static io.postventa.orderstatus.domain.Events.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.postventa.events.common.OrderStatus;
import io.postventa.events.orders.AddressChangeDetails;
import io.postventa.events.orders.OrderLifecycleEvent;

class TrackedOrderTest {
    private final TrackedOrder order = TrackedOrder.place(Events.placed("ORD-1", T0, LocalDate.parse("2026-03-05")), 3);

    @Test
    void aPlacedOrderKeepsItsFactsAndPurchaseNumber() {
        assertEquals(OrderStatus.PLACED, order.status);
        assertEquals("CUST-1", order.customerId);
        assertEquals(3, order.purchaseNumber);
        assertEquals(1, order.lines().size());
        assertEquals(2, order.lines().get(0).quantity());
    }

    @Test
    void shippingRecordsTheCarrierAndTheFirstScan() {
        order.apply(Events.event(ORDER_SHIPPED, "ORD-1", T0.plusSeconds(3600)));
        assertEquals(OrderStatus.SHIPPED, order.status);
        assertEquals("SEUR", order.carrier);
        assertEquals("https://track.example/SEU1", order.trackingUrl);
        assertEquals(T0.plusSeconds(3600), order.lastCarrierScanAt);
    }

    @Test
    void anotherScanInTransitIsRecordedAndMovesTheLastScan() {
        order.apply(Events.event(SHIPMENT_IN_TRANSIT, "ORD-1", T0.plusSeconds(100)));
        Transition again = order.apply(Events.event(SHIPMENT_IN_TRANSIT, "ORD-1", T0.plusSeconds(200)));
        assertEquals(Outcome.RECORDED, again.outcome());
        assertEquals(T0.plusSeconds(200), order.lastCarrierScanAt);
    }

    @Test
    void aLateScanAfterDeliveryChangesNothing() {
        order.apply(Events.event(SHIPMENT_DELIVERED, "ORD-1", T0.plusSeconds(7200)));
        Transition late = order.apply(Events.event(SHIPMENT_IN_TRANSIT, "ORD-1", T0.plusSeconds(3600)));
        assertEquals(Outcome.STALE, late.outcome());
        assertEquals(OrderStatus.DELIVERED, order.status);
        assertEquals(T0.plusSeconds(7200), order.deliveredAt);
        assertEquals(T0.plusSeconds(7200), order.lastCarrierScanAt);
    }

    @Test
    void anExceptionKeepsItsReasonCode() {
        order.apply(Events.event(SHIPMENT_EXCEPTION, "ORD-1", T0.plusSeconds(100)));
        assertEquals(OrderStatus.EXCEPTION, order.status);
        assertEquals("DAMAGED_IN_TRANSIT", order.exceptionReasonCode);
    }

    @Test
    void anAddressChangeMovesTheDeliveryAreaButNotTheStatus() {
        OrderLifecycleEvent change = new OrderLifecycleEvent("e-1", ORDER_ADDRESS_CHANGED, "ORD-1", T0.plusSeconds(60),
                null, null, null, null, null, null, new AddressChangeDetails("Alicante", "03001", null), null, null);
        assertEquals(Outcome.RECORDED, order.apply(change).outcome());
        assertEquals("Alicante", order.shippingCity);
        assertEquals("ES", order.shippingCountry);
        assertEquals(OrderStatus.PLACED, order.status);
    }

    @Test
    void aCancelledOrderIgnoresWhatFollows() {
        order.apply(Events.event(ORDER_CANCELLED, "ORD-1", T0.plusSeconds(60)));
        Transition shipped = order.apply(Events.event(ORDER_SHIPPED, "ORD-1", T0.plusSeconds(120)));
        assertEquals(Outcome.FINAL, shipped.outcome());
        assertEquals(OrderStatus.CANCELLED, order.status);
        assertNull(order.carrier, "a final order keeps no later facts");
    }
}
