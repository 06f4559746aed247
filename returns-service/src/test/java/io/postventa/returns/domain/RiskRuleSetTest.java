package io.postventa.returns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RiskRuleSetTest {

    private static List<String> fields(RiskRuleSet set) {
        return set.validate().stream().map(Violation::field).toList();
    }

    @Test
    void defaultsAreValid() {
        assertEquals(List.of(), RiskRuleSet.defaults().validate());
    }

    @Test
    void thresholdsMustBeOrdered() {
        RiskRuleSet d = RiskRuleSet.defaults();
        RiskRuleSet bad = new RiskRuleSet(new BigDecimal("50"), new BigDecimal("50"), d.categoryRisk(),
                d.defaultCategoryRisk(), d.reasonRisk(), d.rules());
        assertEquals(List.of("rejectFrom"), fields(bad));
        RiskRuleSet missing = new RiskRuleSet(null, null, Map.of(), null, Map.of(), List.of());
        assertEquals(List.of("reviewFrom"), fields(missing));
    }

    @Test
    void eachBadRuleIsNamedByItsPath() {
        RiskRuleSet d = RiskRuleSet.defaults();
        List<RiskRule> rules = new ArrayList<>(d.rules());
        rules.add(new RiskRule("high-unit-price", "dup", List.of(new Condition(Factor.UNITS, Comparison.GT, BigDecimal.ONE)),
                BigDecimal.ONE, null));
        rules.add(new RiskRule("Bad Id", " ", List.of(), new BigDecimal("5000"), null));
        rules.add(new RiskRule("rate", "rate", List.of(new Condition(Factor.RETURN_RATE_12_MONTHS, null, new BigDecimal("2"))),
                BigDecimal.ONE, null));
        RiskRuleSet bad = new RiskRuleSet(d.reviewFrom(), d.rejectFrom(), Map.of(" ", BigDecimal.ONE), null, d.reasonRisk(),
                rules);
        int n = d.rules().size();
        assertEquals(List.of("categoryRisk", "rules[" + n + "].id", "rules[" + (n + 1) + "].id",
                "rules[" + (n + 1) + "].description", "rules[" + (n + 1) + "].points", "rules[" + (n + 1) + "].when",
                "rules[" + (n + 2) + "].when[0].op", "rules[" + (n + 2) + "].when[0].value"), fields(bad));
    }

    @Test
    void categoryLookupIgnoresCase() {
        assertEquals(new BigDecimal("25"), RiskRuleSet.defaults().categoryPoints(" ELECTRONICS "));
        assertTrue(RiskRuleSet.defaults().categoryPoints(null).signum() > 0);
    }
}
