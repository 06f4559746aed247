package io.postventa.events.orders;

import io.postventa.events.common.OrderStatus;
import java.util.Optional;

/** The kinds of fact an e-commerce platform reports on {@code orders.lifecycle.v1}. */
public enum OrderLifecycleEventType {
    /** The customer placed the order; requires the {@code placed} block. */
    ORDER_PLACED(OrderStatus.PLACED),
    /** Payment was captured; the {@code payment} block is optional. */
    ORDER_PAID(OrderStatus.PAID),
    /** The warehouse packed the order. */
    ORDER_PACKED(OrderStatus.PACKED),
    /** Handed to a carrier; requires the {@code shipment} block with carrier and tracking number. */
    ORDER_SHIPPED(OrderStatus.SHIPPED),
    /** A carrier scan on the way; {@code shipment} optional. */
    SHIPMENT_IN_TRANSIT(OrderStatus.IN_TRANSIT),
    /** Out with the courier for delivery; {@code shipment} optional. */
    SHIPMENT_OUT_FOR_DELIVERY(OrderStatus.OUT_FOR_DELIVERY),
    /** A delivery attempt failed; {@code exception} optional, with the carrier's reason. */
    SHIPMENT_DELIVERY_FAILED(OrderStatus.DELIVERY_FAILED),
    /** Waiting at a pickup point; {@code pickup} optional. */
    SHIPMENT_AVAILABLE_FOR_PICKUP(OrderStatus.AVAILABLE_FOR_PICKUP),
    /** Delivered; {@code occurredAt} is the delivery time. */
    SHIPMENT_DELIVERED(OrderStatus.DELIVERED),
    /** The carrier reported a problem; requires the {@code exception} block with a reason code. */
    SHIPMENT_EXCEPTION(OrderStatus.EXCEPTION),
    /** The order was cancelled; requires the {@code cancellation} block. */
    ORDER_CANCELLED(OrderStatus.CANCELLED),
    /** The delivery address changed; requires the {@code addressChange} block. Not a status change. */
    ORDER_ADDRESS_CHANGED(null),
    /** The order came back to the store (handled outside Postventa); {@code returned} optional. */
    ORDER_RETURNED(OrderStatus.RETURNED);

    private final OrderStatus impliedStatus;

    OrderLifecycleEventType(OrderStatus impliedStatus) {
        this.impliedStatus = impliedStatus;
    }

    /** The normalized status this event reports, or empty for events that do not report a status. */
    public Optional<OrderStatus> impliedStatus() {
        return Optional.ofNullable(impliedStatus);
    }
}
