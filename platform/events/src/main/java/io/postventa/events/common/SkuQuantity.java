package io.postventa.events.common;

/**
 * A quantity of one product, used where only the sku and count matter.
 *
 * @param sku      the platform's stock-keeping unit
 * @param quantity units; {@code >= 1}
 */
public record SkuQuantity(String sku, Integer quantity) {
}
