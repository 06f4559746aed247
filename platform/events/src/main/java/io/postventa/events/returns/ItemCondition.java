package io.postventa.events.returns;

/** Condition of a returned item found at inspection. */
public enum ItemCondition {
    /** Unused, in its packaging. */
    AS_NEW,
    /** Packaging opened, item unused. */
    OPENED,
    /** Shows signs of use. */
    USED,
    /** Damaged. */
    DAMAGED,
    /** Not in the parcel. */
    MISSING
}
