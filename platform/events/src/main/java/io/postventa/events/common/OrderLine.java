package io.postventa.events.common;

import java.math.BigDecimal;

/**
 * One line of an order: a product and how many of it.
 *
 * @param sku       the platform's stock-keeping unit
 * @param name      product name as shown to the customer
 * @param category  product category (drives return windows and risk)
 * @param unitPrice price of one unit, tax included, in the order's currency; {@code >= 0}
 * @param quantity  units ordered; {@code >= 1}
 */
public record OrderLine(String sku, String name, String category, BigDecimal unitPrice, Integer quantity) {
}
