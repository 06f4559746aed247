package io.postventa.events.orders;

/**
 * Why an order was cancelled, reported with ORDER_CANCELLED.
 *
 * @param reason     the reason category
 * @param note       free text from the store, without personal data; optional
 */
public record CancellationDetails(CancellationReason reason, String note) {
}
