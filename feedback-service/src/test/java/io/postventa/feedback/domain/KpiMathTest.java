package io.postventa.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.postventa.events.feedback.SurveyKind;

class KpiMathTest {

    @Test
    void npsIsPromotersMinusDetractorsInPercent() {
        assertEquals(40.0, Ratios.nps(3, 1, 5));
        assertEquals(-100.0, Ratios.nps(0, 2, 2));
        assertNull(Ratios.nps(0, 0, 0));
    }

    @Test
    void ratiosWithoutADenominatorAreNull() {
        assertNull(Ratios.ratio(3, 0));
        assertEquals(0.1667, Ratios.ratio(1, 6));
    }

    @Test
    void scoreMeaningsFollowTheScales() {
        assertTrue(SurveyRules.detractor(SurveyKind.NPS, 6));
        assertTrue(!SurveyRules.detractor(SurveyKind.NPS, 7));
        assertTrue(SurveyRules.detractor(SurveyKind.CSAT, 2));
        assertTrue(!SurveyRules.detractor(SurveyKind.CSAT, 3));
        assertTrue(SurveyRules.recovers(SurveyKind.NPS, 7));
        assertTrue(SurveyRules.lowScoreReasonRequired(SurveyKind.CSAT, 1));
        assertTrue(!SurveyRules.lowScoreReasonRequired(SurveyKind.NPS, 1));
        assertTrue(!SurveyRules.inRange(SurveyKind.CSAT, 0));
        assertTrue(SurveyRules.inRange(SurveyKind.NPS, 0));
    }

    @Test
    void aBucketsUpperBoundIsWithinTwoPercentAboveTheTimesItHolds() {
        long[] times = { 2, 45, 120, 360, 600, 1200, 1800, 3600, 7200, 86_400, 90_000, 2_592_000 };
        for (long t : times) {
            long bound = ResponseTimeHistogram.upperBound(ResponseTimeHistogram.bucket(t));
            assertTrue(bound >= t && bound <= Math.ceil(t * 1.02), t + " s falls in a bucket bounded by " + bound + " s");
        }
        assertEquals(1, ResponseTimeHistogram.upperBound(ResponseTimeHistogram.bucket(0)));
        assertNull(ResponseTimeHistogram.seconds(null));
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        assertEquals(LocalDate.of(2031, 3, 3), Granularity.WEEK.periodStart(LocalDate.of(2031, 3, 9)));
        assertEquals(LocalDate.of(2031, 3, 1), Granularity.MONTH.periodStart(LocalDate.of(2031, 3, 31)));
        assertNull(Granularity.parse("hour"));
    }
}
