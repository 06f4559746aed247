package io.postventa.events.common;

/** Why a customer returns an item. */
public enum ReturnReason {
    /** Arrived damaged. */
    DAMAGED,
    /** Does not work. */
    DEFECTIVE,
    /** Not the item ordered. */
    WRONG_ITEM,
    /** Parts missing. */
    MISSING_PARTS,
    /** Differs from its description. */
    NOT_AS_DESCRIBED,
    /** Wrong size or fit. */
    SIZE_FIT,
    /** The customer changed their mind. */
    CHANGED_MIND,
    /** Arrived too late to be useful. */
    LATE_DELIVERY,
    /** Anything else. */
    OTHER
}
