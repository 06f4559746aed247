package io.postventa.feedback.domain;

import java.time.Instant;

import io.postventa.events.feedback.FeedbackContext;
import io.postventa.events.feedback.SurveyKind;
import io.postventa.events.feedback.SurveyTrigger;

/**
 * A stored survey: whom it asks, what kind and why, where it is ({@link SurveyStatus}) and the context its answer
 * is read in. Its status changes only through {@link #moveTo}, which refuses a move the status does not allow.
 */
public record Survey(String surveyId, String customerId, SurveyKind kind, SurveyTrigger trigger, String subjectId,
        SurveyStatus status, Instant dueAt, Instant invitedAt, Instant expiresAt, String locale, FeedbackContext context) {

    /**
     * This survey in status {@code next}.
     *
     * @throws IllegalTransition when its status does not allow that move
     */
    public Survey moveTo(SurveyStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransition(surveyId, status, next);
        }
        return new Survey(surveyId, customerId, kind, trigger, subjectId, next, dueAt, invitedAt, expiresAt, locale, context);
    }

    /** A move the survey's status does not allow. */
    public static final class IllegalTransition extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        IllegalTransition(String surveyId, SurveyStatus from, SurveyStatus to) {
            super("survey " + surveyId + " is " + from + " and cannot become " + to);
        }
    }
}
