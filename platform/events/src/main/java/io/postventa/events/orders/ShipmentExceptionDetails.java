package io.postventa.events.orders;

/**
 * A carrier problem, required with SHIPMENT_EXCEPTION and optional with SHIPMENT_DELIVERY_FAILED.
 *
 * @param reasonCode  the carrier's (or platform's) reason code, e.g. {@code ADDRESS_NOT_FOUND}, {@code DAMAGED}
 * @param description human-readable explanation, without personal data
 */
public record ShipmentExceptionDetails(String reasonCode, String description) {
}
