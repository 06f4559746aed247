package io.postventa.events.returns;

import java.time.Instant;

/**
 * The return parcel is on its way to the warehouse.
 *
 * @param returnId       the return's id; also the record key
 * @param orderId        the order
 * @param customerId     the customer's id
 * @param occurredAt     when the carrier picked it up or first scanned it
 * @param rmaCode        the RMA code
 * @param carrier        carrier
 * @param trackingNumber the return parcel's tracking number
 */
public record ReturnInTransit(
        String returnId,
        String orderId,
        String customerId,
        Instant occurredAt,
        String rmaCode,
        String carrier,
        String trackingNumber) {
}
