package io.postventa.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.postventa.events.feedback.FeedbackContext;
import io.postventa.events.feedback.SurveyKind;
import io.postventa.events.feedback.SurveyTrigger;

class SurveyTest {
    private static final Instant DUE = Instant.parse("2026-12-07T10:00:00Z");

    private static Survey pending() {
        return new Survey("SRV-1", "C-1", SurveyKind.NPS, SurveyTrigger.ORDER_DELIVERED, "ORD-1", SurveyStatus.PENDING, DUE,
                null, null, "es-ES", new FeedbackContext("ORD-1", null, null, null, null, null, null, null));
    }

    @Test
    void aPendingSurveyIsSentThenAnsweredOnce() {
        Survey answered = pending().moveTo(SurveyStatus.SENT).moveTo(SurveyStatus.ANSWERED);
        assertEquals(SurveyStatus.ANSWERED, answered.status());
        Survey.IllegalTransition again = assertThrows(Survey.IllegalTransition.class,
                () -> answered.moveTo(SurveyStatus.ANSWERED));
        assertEquals("survey SRV-1 is ANSWERED and cannot become ANSWERED", again.getMessage());
    }

    @Test
    void aSurveyNotSentCannotBeAnsweredAndAnEndedOneStaysEnded() {
        assertThrows(Survey.IllegalTransition.class, () -> pending().moveTo(SurveyStatus.ANSWERED));
        for (SurveyStatus next : SurveyStatus.values()) {
            assertFalse(SurveyStatus.SUPPRESSED.canMoveTo(next), "SUPPRESSED must not move to " + next);
            assertFalse(SurveyStatus.DROPPED.canMoveTo(next), "DROPPED must not move to " + next);
        }
    }

    @Test
    void onlyOutstandingSurveysAreWithdrawnAsDropped() {
        for (SurveyStatus status : SurveyStatus.OUTSTANDING) {
            org.junit.jupiter.api.Assertions.assertTrue(status.canMoveTo(SurveyStatus.DROPPED), status + " must be withdrawable");
        }
        assertFalse(SurveyStatus.ANSWERED.canMoveTo(SurveyStatus.DROPPED));
    }
}
