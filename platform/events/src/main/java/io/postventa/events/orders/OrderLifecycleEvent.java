package io.postventa.events.orders;

import java.time.Instant;

/**
 * One fact about an order as an e-commerce platform reports it on {@code orders.lifecycle.v1}: the same fields
 * whether it arrives as plain JSON or as a CloudEvent's data. Which detail block is required depends on
 * {@link #eventType()}; the JSON Schema states it.
 *
 * @param eventId       the platform's unique id for this event; Postventa dedupes on it
 * @param eventType     what happened
 * @param orderId       the platform's order id; also the record key
 * @param occurredAt    when it happened at the platform or carrier (not when it was sent)
 * @param source        the platform or store that reports it, e.g. {@code shop-eu-1}; optional
 * @param placed        order contents; required for {@link OrderLifecycleEventType#ORDER_PLACED}
 * @param payment       payment facts; optional, for {@link OrderLifecycleEventType#ORDER_PAID}
 * @param shipment      carrier and tracking; required for {@link OrderLifecycleEventType#ORDER_SHIPPED}
 * @param pickup        pickup point; optional, for {@link OrderLifecycleEventType#SHIPMENT_AVAILABLE_FOR_PICKUP}
 * @param exception     carrier problem; required for {@link OrderLifecycleEventType#SHIPMENT_EXCEPTION}
 * @param addressChange new delivery area; required for {@link OrderLifecycleEventType#ORDER_ADDRESS_CHANGED}
 * @param cancellation  why; required for {@link OrderLifecycleEventType#ORDER_CANCELLED}
 * @param returned      what came back; optional, for {@link OrderLifecycleEventType#ORDER_RETURNED}
 */
public record OrderLifecycleEvent(
        String eventId,
        OrderLifecycleEventType eventType,
        String orderId,
        Instant occurredAt,
        String source,
        OrderPlacedDetails placed,
        PaymentDetails payment,
        ShipmentDetails shipment,
        PickupDetails pickup,
        ShipmentExceptionDetails exception,
        AddressChangeDetails addressChange,
        CancellationDetails cancellation,
        ReturnedDetails returned) {

    /** Classpath location of the envelope schema that covers every {@link OrderLifecycleEventType}. */
    public static final String ENVELOPE_SCHEMA = "schemas/orders.lifecycle.v1/order-lifecycle-event.schema.json";
}
