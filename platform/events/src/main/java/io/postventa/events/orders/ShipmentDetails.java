package io.postventa.events.orders;

import java.time.LocalDate;

/**
 * Carrier and tracking data, required with ORDER_SHIPPED and optional on every SHIPMENT_* event.
 *
 * @param carrier               carrier name or code, e.g. {@code SEUR}, {@code DHL}
 * @param trackingNumber        the carrier's tracking number
 * @param trackingUrl           public tracking page
 * @param estimatedDeliveryDate the carrier's current estimate, if it gives one
 * @param scanLocation          where the carrier scanned the parcel (a hub or city), if known
 */
public record ShipmentDetails(
        String carrier,
        String trackingNumber,
        String trackingUrl,
        LocalDate estimatedDeliveryDate,
        String scanLocation) {
}
