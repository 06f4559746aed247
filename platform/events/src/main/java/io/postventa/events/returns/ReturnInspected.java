package io.postventa.events.returns;

import java.time.Instant;
import java.util.List;

/**
 * The returned items were inspected.
 *
 * @param returnId   the return's id; also the record key
 * @param orderId    the order
 * @param customerId the customer's id
 * @param occurredAt when the inspection finished
 * @param rmaCode    the RMA code
 * @param lines      result per product; at least one
 * @param note       inspector's note, without personal data; optional
 */
public record ReturnInspected(
        String returnId,
        String orderId,
        String customerId,
        Instant occurredAt,
        String rmaCode,
        List<InspectedLine> lines,
        String note) {
}
