package io.postventa.events.feedback;

import java.time.Instant;

/**
 * A customer is unhappy (NPS 0 to 6 or CSAT 1 to 2); ticket-service opens a follow-up ticket from it.
 *
 * @param surveyId       the survey's id; also the record key
 * @param customerId     the customer's id
 * @param occurredAt     when the answer was given
 * @param kind           NPS or CSAT
 * @param trigger        the moment it was about
 * @param score          0 to 6 for NPS, 1 to 2 for CSAT
 * @param hasComment     whether the customer wrote a comment (agents read it in feedback-service)
 * @param lowScoreReason reason chosen on the low score; optional
 * @param locale         BCP 47 tag the survey was answered in
 * @param context        what the survey was about
 */
public record FeedbackDetractor(
        String surveyId,
        String customerId,
        Instant occurredAt,
        SurveyKind kind,
        SurveyTrigger trigger,
        Integer score,
        Boolean hasComment,
        String lowScoreReason,
        String locale,
        FeedbackContext context) {
}
