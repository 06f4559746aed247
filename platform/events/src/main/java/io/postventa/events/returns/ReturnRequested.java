package io.postventa.events.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer asked to return items of a delivered order; the risk consumer decides it.
 *
 * @param returnId            the return's id; also the record key
 * @param orderId             the order the items came in
 * @param customerId          the customer's id
 * @param occurredAt          when the request was made
 * @param lines               items returned; at least one
 * @param preferredResolution what the customer asked for
 * @param currency            ISO 4217 code of every amount
 * @param totalValue          value of the returned items; {@code >= 0}
 * @param deliveredAt         when the order was delivered
 * @param policyVersion       version of the return policy the request was checked against; {@code >= 1}
 * @param customerHistory     the customer's order and return history at request time
 */
public record ReturnRequested(
        String returnId,
        String orderId,
        String customerId,
        Instant occurredAt,
        List<ReturnLine> lines,
        ReturnResolution preferredResolution,
        String currency,
        BigDecimal totalValue,
        Instant deliveredAt,
        Integer policyVersion,
        CustomerReturnHistory customerHistory) {
}
