package io.postventa.events.orders;

import io.postventa.events.common.SkuQuantity;
import java.math.BigDecimal;
import java.util.List;

/**
 * What came back, reported with ORDER_RETURNED for returns handled outside Postventa.
 *
 * @param lines           returned products and quantities; empty or absent means the whole order
 * @param refundAmount    amount refunded; optional, {@code >= 0}
 * @param currency        ISO 4217 code of {@code refundAmount}
 * @param returnReference the platform's id of the return
 */
public record ReturnedDetails(List<SkuQuantity> lines, BigDecimal refundAmount, String currency, String returnReference) {
}
