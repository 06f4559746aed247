package io.postventa.events.returns;

/** Outcome of a return decision. */
public enum ReturnOutcome {
    /** Accepted; an RMA is issued. */
    APPROVED,
    /** Too risky to decide automatically; a person reviews it. */
    REVIEW,
    /** Refused, with the reasons. */
    REJECTED
}
