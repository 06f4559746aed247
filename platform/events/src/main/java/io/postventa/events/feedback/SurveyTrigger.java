package io.postventa.events.feedback;

/** The moment a survey is about. */
public enum SurveyTrigger {
    /** Some days after an order was delivered (NPS). */
    ORDER_DELIVERED,
    /** After a ticket was solved (CSAT). */
    TICKET_SOLVED,
    /** After a return was refunded (CSAT). */
    RETURN_REFUNDED
}
