package io.postventa.events.orders;

/**
 * The new delivery area, reported with ORDER_ADDRESS_CHANGED (city level only; the street stays at the platform).
 *
 * @param city     new delivery city
 * @param postcode new delivery postcode
 * @param country  ISO 3166-1 alpha-2; optional
 */
public record AddressChangeDetails(String city, String postcode, String country) {
}
