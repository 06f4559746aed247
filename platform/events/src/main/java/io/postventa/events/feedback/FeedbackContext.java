package io.postventa.events.feedback;

import io.postventa.events.common.ContactReason;
import io.postventa.events.common.ReturnReason;

/**
 * The operational context of a survey, so answers can be broken down by what happened.
 *
 * @param orderId      the order the survey is about, if any
 * @param carrier      the order's carrier, if shipped
 * @param delayed      whether the order was late
 * @param returnId     the return the survey is about, if any
 * @param returnReason the return's main reason
 * @param ticketId     the ticket the survey is about, if any
 * @param ticketReason the ticket's contact reason
 * @param slaMet       whether the ticket met its SLA targets
 */
public record FeedbackContext(
        String orderId,
        String carrier,
        Boolean delayed,
        String returnId,
        ReturnReason returnReason,
        String ticketId,
        ContactReason ticketReason,
        Boolean slaMet) {
}
