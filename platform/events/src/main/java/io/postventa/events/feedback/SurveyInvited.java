package io.postventa.events.feedback;

import java.time.Instant;

/**
 * A survey is due; notification-service sends the invitation.
 *
 * @param surveyId   the survey's id; also the record key
 * @param customerId the customer to invite
 * @param occurredAt when the invitation was issued
 * @param kind       NPS or CSAT
 * @param trigger    the moment it is about
 * @param token      signed, expiring, single-use token that identifies the survey in the answer link
 * @param surveyUrl  the answer page, token included
 * @param expiresAt  when the token stops working
 * @param locale     BCP 47 tag to render the invitation in
 * @param context    what the survey is about
 */
public record SurveyInvited(
        String surveyId,
        String customerId,
        Instant occurredAt,
        SurveyKind kind,
        SurveyTrigger trigger,
        String token,
        String surveyUrl,
        Instant expiresAt,
        String locale,
        FeedbackContext context) {
}
