package io.postventa.events.orders;

/** Why an order was cancelled. */
public enum CancellationReason {
    /** The customer asked. */
    CUSTOMER_REQUEST,
    /** Items could not be supplied. */
    OUT_OF_STOCK,
    /** Payment failed or was never completed. */
    PAYMENT_FAILED,
    /** Suspected fraud. */
    FRAUD_SUSPECTED,
    /** The store could not deliver to the address. */
    UNDELIVERABLE,
    /** Anything else. */
    OTHER
}
