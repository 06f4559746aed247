package io.postventa.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParetoTest {

    @Test
    void theReasonThatCrossesEightyPercentIsInTheVitalFewAndTheRestAreNot() {
        List<Pareto.Row> rows = Pareto.of(Map.of("WISMO", 4L, "DAMAGED", 2L, "INVOICE", 1L, "OTHER", 1L));
        assertEquals(List.of("WISMO", "DAMAGED", "INVOICE", "OTHER"), rows.stream().map(Pareto.Row::reason).toList());
        assertEquals(List.of(0.5, 0.75, 0.875, 1.0), rows.stream().map(Pareto.Row::cumulativeShare).toList());
        assertEquals(List.of(true, true, true, false), rows.stream().map(Pareto.Row::vitalFew).toList());
    }

    @Test
    void aReasonEndingExactlyAtEightyPercentClosesTheVitalFew() {
        List<Pareto.Row> rows = Pareto.of(Map.of("A", 8L, "B", 1L, "C", 1L));
        assertEquals(List.of(true, false, false), rows.stream().map(Pareto.Row::vitalFew).toList());
    }

    @Test
    void noContactsNoRows() {
        assertEquals(List.of(), Pareto.of(Map.of()));
    }
}
