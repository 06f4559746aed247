package io.postventa.events.common;

/** The normalized order and shipment status set every service speaks, whatever the platform or carrier calls it. */
public enum OrderStatus {
    /** The order was placed. */
    PLACED,
    /** Payment was captured. */
    PAID,
    /** The warehouse packed the order. */
    PACKED,
    /** Handed to the carrier. */
    SHIPPED,
    /** The carrier scanned it on its way. */
    IN_TRANSIT,
    /** With the courier for delivery today. */
    OUT_FOR_DELIVERY,
    /** A delivery attempt failed. */
    DELIVERY_FAILED,
    /** Waiting at a pickup point or locker. */
    AVAILABLE_FOR_PICKUP,
    /** Delivered to the customer. */
    DELIVERED,
    /** The carrier reported a problem (lost, damaged, held at customs...). */
    EXCEPTION,
    /** Cancelled before delivery. */
    CANCELLED,
    /** Returned to the store. */
    RETURNED
}
