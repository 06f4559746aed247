package io.postventa.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProportionDifferenceTest {
    @Test
    void tenInAHundredAgainstFortyInAHundredIsSignificantWithTheWaldInterval() {
        ProportionDifference d = ProportionDifference.of(10, 100, 40, 100);
        assertEquals(0.3, d.difference());
        assertEquals(0.1874, d.lower());
        assertEquals(0.4126, d.upper());
        assertTrue(d.significant());
    }

    @Test
    void fiveInTwentyAgainstSevenInTwentyIsNotSignificant() {
        ProportionDifference d = ProportionDifference.of(5, 20, 7, 20);
        assertEquals(0.1, d.difference());
        assertEquals(-0.1823, d.lower());
        assertEquals(0.3823, d.upper());
        assertFalse(d.significant());
    }

    @Test
    void equalRatesWithoutVarianceAreNotADifference() {
        ProportionDifference d = ProportionDifference.of(0, 50, 0, 50);
        assertEquals(0.0, d.difference());
        assertFalse(d.significant());
    }

    @Test
    void noMessagesGiveNoComparison() {
        assertNull(ProportionDifference.of(0, 0, 3, 10));
    }

    @Test
    void theIntervalIsNinetyFivePercent() {
        assertEquals(1.959964, ProportionDifference.z(), 1e-6);
    }
}
