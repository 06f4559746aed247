package io.postventa.returns.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Whether, and how much of, one order line can be returned.
 *
 * @param returnable     units that can still be returned; 0 when {@code reasons} is not empty
 * @param returnableUntil end of the return window; absent before delivery
 * @param reasons        why not, when nothing can be returned
 */
public record LineEligibility(String sku, String name, String category, BigDecimal unitPrice, int delivered,
        int alreadyReturned, int returnable, Instant returnableUntil, List<Ineligibility> reasons) {
}
