package io.postventa.events.returns;

import java.time.Instant;

/**
 * An approved return expired because its label was not used in time.
 *
 * @param returnId      the return's id; also the record key
 * @param orderId       the order
 * @param customerId    the customer's id
 * @param occurredAt    when it expired
 * @param rmaCode       the RMA code
 * @param labelIssuedAt when the unused label was issued
 */
public record ReturnExpired(
        String returnId,
        String orderId,
        String customerId,
        Instant occurredAt,
        String rmaCode,
        Instant labelIssuedAt) {
}
