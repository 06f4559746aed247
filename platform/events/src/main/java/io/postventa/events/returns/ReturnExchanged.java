package io.postventa.events.returns;

import io.postventa.events.common.SkuQuantity;
import java.time.Instant;
import java.util.List;

/**
 * The customer was sent replacement items.
 *
 * @param returnId        the return's id; also the record key
 * @param orderId         the original order
 * @param customerId      the customer's id
 * @param occurredAt      when the exchange was issued
 * @param exchangeOrderId the new order carrying the replacements
 * @param lines           replacement products and quantities; at least one
 */
public record ReturnExchanged(
        String returnId,
        String orderId,
        String customerId,
        Instant occurredAt,
        String exchangeOrderId,
        List<SkuQuantity> lines) {
}
