package io.postventa.events.returns;

/** What the customer gets for a return. */
public enum ReturnResolution {
    /** Money back. */
    REFUND,
    /** Another item (size, colour, replacement). */
    EXCHANGE,
    /** Store credit. */
    STORE_CREDIT
}
