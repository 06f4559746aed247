package io.postventa.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

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
    void histogramPercentilesAreWithinTwoPercentOfTheExactValue() {
        Map<Integer, Long> h = new HashMap<>();
        long[] times = { 600, 1200, 1800, 90_000, 45, 7200, 3600, 360, 86_400, 120 };
        for (long t : times) {
            h.merge(ResponseTimeHistogram.bucket(t), 1L, Long::sum);
        }
        long p90 = ResponseTimeHistogram.percentile(h, 0.9); // exact nearest-rank p90 of the ten: 86400
        assertTrue(p90 >= 86_400 && p90 <= 86_400 * 1.02, "p90 " + p90);
        assertNull(ResponseTimeHistogram.percentile(Map.of(), 0.9));
        assertEquals(1, ResponseTimeHistogram.upperBound(ResponseTimeHistogram.bucket(0)));
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        assertEquals(LocalDate.of(2031, 3, 3), Granularity.WEEK.periodStart(LocalDate.of(2031, 3, 9)));
        assertEquals(LocalDate.of(2031, 3, 1), Granularity.MONTH.periodStart(LocalDate.of(2031, 3, 31)));
        assertNull(Granularity.parse("hour"));
    }
}
