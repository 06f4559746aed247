package io.postventa.events.returns;

/**
 * Inspection result for one returned product.
 *
 * @param sku       the product
 * @param quantity  units inspected; {@code >= 1}
 * @param condition what they looked like
 * @param accepted  whether they qualify for the resolution
 */
public record InspectedLine(String sku, Integer quantity, ItemCondition condition, Boolean accepted) {
}
