package io.postventa.events.orders;

import java.time.Instant;

/**
 * Where a parcel waits for collection, reported with SHIPMENT_AVAILABLE_FOR_PICKUP.
 *
 * @param pickupPointId   the carrier's id of the pickup point or locker
 * @param pickupPointName its public name
 * @param availableUntil  when the parcel goes back if not collected
 */
public record PickupDetails(String pickupPointId, String pickupPointName, Instant availableUntil) {
}
