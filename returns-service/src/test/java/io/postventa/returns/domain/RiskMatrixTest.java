package io.postventa.returns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.events.common.ReturnReason;
import io.postventa.events.returns.FiredRule;
import io.postventa.events.returns.ReturnLine;
import io.postventa.events.returns.ReturnOutcome;

class RiskMatrixTest {
    private static final Instant DELIVERED = Instant.parse("2026-03-05T17:45:00Z");
    private final RiskRuleSet rules = RiskRuleSet.defaults();

    static RiskInput input(String category, String unitPrice, int quantity, ReturnReason reason, int daysAfterDelivery,
            int purchases, int returns, String rate, String openValue) {
        BigDecimal price = new BigDecimal(unitPrice);
        return new RiskInput("RET-1", List.of(new ReturnLine("SKU-1", category, price, quantity, reason)),
                price.multiply(BigDecimal.valueOf(quantity)), "EUR", DELIVERED,
                DELIVERED.plus(Duration.ofDays(daysAfterDelivery)).plusSeconds(60), purchases, returns,
                new BigDecimal(rate), new BigDecimal(openValue));
    }

    private static List<String> ids(RiskAssessment a) {
        return a.firedRules().stream().map(FiredRule::ruleId).toList();
    }

    @Test
    void cheapItemFromRepeatCustomerWithinTheWindowIsApprovedWithItsReason() {
        RiskAssessment a = RiskMatrix.assess(rules, 1, input("apparel", "19.90", 1, ReturnReason.SIZE_FIT, 3, 4, 0, "0", "0"));
        assertEquals(ReturnOutcome.APPROVED, a.outcome());
        assertEquals(List.of("repeat-customer"), ids(a));
        assertEquals(0, a.score().signum(), "a negative sum is reported as score 0");
        assertEquals("Repeat customer with no returns in 12 months: purchases 4 >= 2 and returns in 12 months 0 = 0",
                a.firedRules().get(0).reason());
        assertEquals(1, a.ruleSetVersion());
    }

    @Test
    void expensiveItemFromNewCustomerWithManyReturnsGoesToReview() {
        RiskAssessment a = RiskMatrix.assess(rules, 7,
                input("electronics", "450.00", 1, ReturnReason.CHANGED_MIND, 10, 1, 3, "0.4", "0"));
        assertEquals(ReturnOutcome.REVIEW, a.outcome());
        assertEquals(List.of("category-risk", "reason-risk", "high-unit-price", "new-customer", "many-returns"), ids(a));
        assertEquals(new BigDecimal("105"), a.score());
        assertEquals("Expensive item: highest unit price 450 > 300", a.firedRules().get(2).reason());
        assertEquals(7, a.ruleSetVersion());
    }

    @Test
    void scoreAtTheRejectThresholdIsRejected() {
        RiskAssessment a = RiskMatrix.assess(rules, 1,
                input("jewelry", "900", 1, ReturnReason.CHANGED_MIND, 28, 1, 5, "0.9", "800"));
        assertEquals(ReturnOutcome.REJECTED, a.outcome(), "score " + a.score() + " with " + ids(a));
        assertTrue(a.score().compareTo(new BigDecimal("150")) >= 0);
    }

    @Test
    void aRuleWithAnOutcomeFloorSendsToReviewWhateverTheScore() {
        RiskAssessment a = RiskMatrix.assess(rules, 1, input("books", "2500", 1, ReturnReason.WRONG_ITEM, 1, 9, 0, "0", "0"));
        assertTrue(ids(a).contains("very-high-total-value"));
        assertTrue(a.score().compareTo(rules.reviewFrom()) < 0, "the score alone would approve: " + a.score());
        assertEquals(ReturnOutcome.REVIEW, a.outcome());
    }

    @Test
    void onlyTheRiskiestCategoryAndReasonCount() {
        RiskInput in = new RiskInput("RET-2", List.of(
                new ReturnLine("A", "apparel", new BigDecimal("10"), 1, ReturnReason.SIZE_FIT),
                new ReturnLine("B", "Electronics", new BigDecimal("20"), 1, ReturnReason.DAMAGED)),
                new BigDecimal("30"), "EUR", DELIVERED, DELIVERED.plusSeconds(3600), 5, 1, BigDecimal.ZERO, BigDecimal.ZERO);
        RiskAssessment a = RiskMatrix.assess(rules, 1, in);
        assertEquals(List.of("category-risk", "reason-risk"), ids(a));
        assertEquals("Category 'Electronics' carries risk 25", a.firedRules().get(0).reason());
        assertEquals(new BigDecimal("30"), a.score());
        assertEquals(ReturnOutcome.APPROVED, a.outcome());
    }

    @Test
    void unknownCategoryGetsTheDefaultRisk() {
        RiskAssessment a = RiskMatrix.assess(rules, 1, input("garden", "10", 1, ReturnReason.WRONG_ITEM, 1, 3, 1, "0", "0"));
        assertEquals(List.of("category-risk"), ids(a));
        assertEquals(new BigDecimal("5"), a.firedRules().get(0).scoreImpact());
    }

    @Test
    void daysSinceDeliveryAndOpenReturnsAndReturnRateFire() {
        RiskAssessment a = RiskMatrix.assess(rules, 1, input("books", "10", 1, ReturnReason.WRONG_ITEM, 26, 3, 1, "0.6", "301"));
        assertEquals(List.of("high-return-rate", "open-returns-value", "late-in-window"), ids(a));
        assertEquals("Requested late after delivery: days since delivery 26 > 25", a.firedRules().get(2).reason());
        assertEquals(ReturnOutcome.REVIEW, a.outcome(), "25 + 15 + 10 = 50 reaches review at 40");
    }

    @Test
    void totalValueCountsEveryUnit() {
        RiskAssessment a = RiskMatrix.assess(rules, 1, input("books", "260", 2, ReturnReason.WRONG_ITEM, 1, 3, 1, "0", "0"));
        assertEquals(List.of("high-total-value"), ids(a));
        assertEquals("High-value return: total value 520 > 500", a.firedRules().get(0).reason());
    }

    @Test
    void sameRequestAndRuleSetAlwaysGiveTheSameAssessment() {
        RiskInput in = input("electronics", "450.00", 1, ReturnReason.CHANGED_MIND, 10, 1, 3, "0.4", "0");
        RiskAssessment first = RiskMatrix.assess(rules, 3, in);
        for (int i = 0; i < 20; i++) {
            assertEquals(first, RiskMatrix.assess(RiskRuleSet.defaults(), 3, in));
        }
    }

    @Test
    void changedThresholdChangesTheOutcome() {
        RiskInput in = input("electronics", "450.00", 1, ReturnReason.CHANGED_MIND, 10, 1, 3, "0.4", "0");
        RiskRuleSet d = RiskRuleSet.defaults();
        RiskRuleSet lenient = new RiskRuleSet(new BigDecimal("200"), null, d.categoryRisk(), d.defaultCategoryRisk(),
                d.reasonRisk(), d.rules());
        assertEquals(ReturnOutcome.APPROVED, RiskMatrix.assess(lenient, 2, in).outcome());
    }

    @Test
    void zeroPointCategoriesAndReasonsDoNotClutterTheReasons() {
        RiskRuleSet noRules = new RiskRuleSet(BigDecimal.TEN, null, Map.of("apparel", BigDecimal.ZERO), BigDecimal.ZERO,
                Map.of(), List.of());
        RiskAssessment a = RiskMatrix.assess(noRules, 1, input("apparel", "10", 1, ReturnReason.SIZE_FIT, 1, 1, 0, "0", "0"));
        assertTrue(a.firedRules().isEmpty());
        assertEquals(ReturnOutcome.APPROVED, a.outcome());
    }

    @Test
    void requestBeforeDeliveryCountsAsDayZero() {
        RiskInput in = new RiskInput("R", List.of(new ReturnLine("A", "x", BigDecimal.ONE, 1, ReturnReason.OTHER)),
                BigDecimal.ONE, "EUR", DELIVERED, DELIVERED.minusSeconds(10), 1, 0, null, null);
        assertEquals(0, in.daysSinceDelivery());
        assertFalse(RiskMatrix.assess(rules, 1, in).firedRules().stream().anyMatch(f -> f.ruleId().equals("late-in-window")));
    }
}
