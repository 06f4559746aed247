package io.postventa.events.returns;

import io.postventa.events.common.SkuQuantity;
import java.time.Instant;
import java.util.List;

/**
 * The warehouse received the return parcel.
 *
 * @param returnId    the return's id; also the record key
 * @param orderId     the order
 * @param customerId  the customer's id
 * @param occurredAt  when it was received
 * @param rmaCode     the RMA code
 * @param warehouseId the receiving warehouse; optional
 * @param lines       what was in the parcel
 */
public record ReturnReceived(
        String returnId,
        String orderId,
        String customerId,
        Instant occurredAt,
        String rmaCode,
        String warehouseId,
        List<SkuQuantity> lines) {
}
