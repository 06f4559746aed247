package io.postventa.events.feedback;

import java.time.Instant;

/**
 * A customer answered a survey. The comment's text stays in feedback-service; the event says only whether
 * there is one.
 *
 * @param surveyId       the survey's id; also the record key
 * @param customerId     the customer's id
 * @param occurredAt     when the answer was given
 * @param kind           NPS or CSAT
 * @param trigger        the moment it was about
 * @param score          0 to 10 for NPS, 1 to 5 for CSAT
 * @param hasComment     whether the customer wrote a comment
 * @param lowScoreReason reason chosen on a low CSAT score, as a code from the survey's list; optional
 * @param context        what the survey was about
 */
public record FeedbackReceived(
        String surveyId,
        String customerId,
        Instant occurredAt,
        SurveyKind kind,
        SurveyTrigger trigger,
        Integer score,
        Boolean hasComment,
        String lowScoreReason,
        FeedbackContext context) {
}
