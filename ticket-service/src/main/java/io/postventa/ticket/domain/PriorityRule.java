package io.postventa.ticket.domain;

/**
 * One line of the priority rules: when the condition holds, add {@code points}. {@code value} is the reason or
 * channel name for REASON and CHANNEL, the amount for ORDER_TOTAL_AT_LEAST, and unused otherwise.
 */
public record PriorityRule(Condition when, String value, int points) {

    /** What a rule looks at. */
    public enum Condition {
        /** The contact reason equals {@code value}. */
        REASON,
        /** The channel equals {@code value}. */
        CHANNEL,
        /** The customer bought before (purchase number above 1). */
        REPEAT_CUSTOMER,
        /** The order total is at least {@code value}. */
        ORDER_TOTAL_AT_LEAST,
        /** The order is late. */
        ORDER_DELAYED
    }
}
