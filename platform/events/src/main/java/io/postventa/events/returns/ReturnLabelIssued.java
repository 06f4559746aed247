package io.postventa.events.returns;

import java.time.Instant;

/**
 * A return label was issued for an approved return.
 *
 * @param returnId       the return's id; also the record key
 * @param orderId        the order
 * @param customerId     the customer's id
 * @param occurredAt     when the label was issued
 * @param rmaCode        return merchandise authorization code printed on the label
 * @param carrier        carrier that will collect the parcel
 * @param trackingNumber the return parcel's tracking number
 * @param labelUrl       where the customer downloads the label
 * @param expiresAt      when the approval expires if the label is not used
 */
public record ReturnLabelIssued(
        String returnId,
        String orderId,
        String customerId,
        Instant occurredAt,
        String rmaCode,
        String carrier,
        String trackingNumber,
        String labelUrl,
        Instant expiresAt) {
}
