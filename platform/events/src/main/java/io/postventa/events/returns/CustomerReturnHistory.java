package io.postventa.events.returns;

import java.math.BigDecimal;

/**
 * The customer's history as it stood when the request was made, so a decision can be replayed identically.
 *
 * @param purchaseCount            orders the customer has placed; {@code >= 0}
 * @param returnsLast12Months      return requests in the last 12 months, this one excluded; {@code >= 0}
 * @param returnRateLast12Months   returned units / delivered units over 12 months, 0 to 1
 * @param openReturnsValue         value of returns not yet closed, in the request's currency; {@code >= 0}
 */
public record CustomerReturnHistory(
        Integer purchaseCount,
        Integer returnsLast12Months,
        BigDecimal returnRateLast12Months,
        BigDecimal openReturnsValue) {
}
