package io.postventa.returns.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReturnStatusTest {

    @Test
    void shipmentMovesForwardOnly() {
        assertTrue(ReturnStatus.LABEL_ISSUED.canMoveTo(ReturnStatus.IN_TRANSIT));
        assertTrue(ReturnStatus.IN_TRANSIT.canMoveTo(ReturnStatus.RECEIVED));
        assertTrue(ReturnStatus.INSPECTED.canMoveTo(ReturnStatus.REFUNDED));
        assertFalse(ReturnStatus.RECEIVED.canMoveTo(ReturnStatus.IN_TRANSIT));
        assertFalse(ReturnStatus.REQUESTED.canMoveTo(ReturnStatus.RECEIVED));
    }

    @Test
    void onlyAnUnusedLabelExpires() {
        assertTrue(ReturnStatus.LABEL_ISSUED.canMoveTo(ReturnStatus.EXPIRED));
        assertFalse(ReturnStatus.IN_TRANSIT.canMoveTo(ReturnStatus.EXPIRED));
    }

    @Test
    void refusedAndExpiredReturnsFreeTheirUnits() {
        assertFalse(ReturnStatus.REJECTED.holdsUnits());
        assertFalse(ReturnStatus.EXPIRED.holdsUnits());
        assertTrue(ReturnStatus.REFUNDED.holdsUnits());
        assertTrue(ReturnStatus.IN_REVIEW.isOpen());
        assertFalse(ReturnStatus.REFUNDED.isOpen());
    }
}
