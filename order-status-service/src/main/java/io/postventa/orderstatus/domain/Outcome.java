package io.postventa.orderstatus.domain;

/** What an inbound lifecycle event did to its order; every event gets a timeline entry with one of these. */
public enum Outcome {
    /** A real transition: the status changed and {@code order-status.changed} was published. */
    APPLIED,
    /** Kept as a fact without a status change (another carrier scan in the same status, an address change). */
    RECORDED,
    /** Late or superseded: the order is already further along, so it changes nothing and publishes nothing. */
    STALE,
    /** The order is cancelled or returned; nothing after a final status changes it. */
    FINAL,
    /** Arrived before ORDER_PLACED and turned out impossible once the order was known (e.g. before placement). */
    REJECTED
}
