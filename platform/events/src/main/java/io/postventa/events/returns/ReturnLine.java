package io.postventa.events.returns;

import io.postventa.events.common.ReturnReason;
import java.math.BigDecimal;

/**
 * One product being returned.
 *
 * @param sku       the product
 * @param category  its category
 * @param unitPrice price paid per unit; {@code >= 0}
 * @param quantity  units returned; {@code >= 1}
 * @param reason    why
 */
public record ReturnLine(String sku, String category, BigDecimal unitPrice, Integer quantity, ReturnReason reason) {
}
