package io.postventa.returns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.postventa.events.returns.ReturnOutcome;

class ReturnRequestTest {
    private static final Instant REQUESTED_AT = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant LATER = REQUESTED_AT.plusSeconds(60);

    @Test
    void anApprovedReturnMovesOnToItsLabel() {
        ReturnRequest r = requested();
        r.moveTo(ReturnStatus.after(ReturnOutcome.APPROVED), LATER);
        r.moveTo(ReturnStatus.LABEL_ISSUED, LATER);
        assertEquals(ReturnStatus.LABEL_ISSUED, r.status);
        assertEquals(LATER, r.updatedAt);
    }

    @Test
    void aMoveItsStatusDoesNotAllowIsRefusedAndChangesNothing() {
        ReturnRequest r = requested();
        ReturnRequest.IllegalTransition refused = assertThrows(ReturnRequest.IllegalTransition.class,
                () -> r.moveTo(ReturnStatus.RECEIVED, LATER));
        assertEquals("return RET-1 is REQUESTED and cannot become RECEIVED", refused.getMessage());
        assertEquals(ReturnStatus.REQUESTED, r.status);
        assertEquals(REQUESTED_AT, r.updatedAt);
    }

    @Test
    void aDecisionForReviewPutsTheReturnInReview() {
        assertEquals(ReturnStatus.IN_REVIEW, ReturnStatus.after(ReturnOutcome.REVIEW));
        assertEquals(ReturnStatus.REJECTED, ReturnStatus.after(ReturnOutcome.REJECTED));
    }

    private static ReturnRequest requested() {
        ReturnRequest r = new ReturnRequest();
        r.returnId = "RET-1";
        r.status = ReturnStatus.REQUESTED;
        r.updatedAt = REQUESTED_AT;
        return r;
    }
}
