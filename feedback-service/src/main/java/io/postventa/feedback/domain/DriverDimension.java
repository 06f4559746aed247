package io.postventa.feedback.domain;

/** What an answer's score is broken down by in the drivers report: the context stored with the answer. */
public enum DriverDimension {
    /** The order's carrier. */
    CARRIER,
    /** Whether the order was late. */
    DELAYED,
    /** The main reason of the return the survey asked about. */
    RETURN_REASON,
    /** The reason of the ticket the survey asked about. */
    TICKET_REASON
}
