package io.postventa.returns.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.postventa.events.common.ReturnReason;
import io.postventa.events.returns.FiredRule;
import io.postventa.events.returns.ReturnLine;
import io.postventa.events.returns.ReturnOutcome;

/**
 * Decides a return request from a rule set: adds the points of the riskiest category, the riskiest
 * reason and every rule that fires, then compares the score with the thresholds. A pure function:
 * the same input and rule set always give the same assessment, reasons included.
 */
public final class RiskMatrix {
    public static final String CATEGORY_RULE = "category-risk";
    public static final String REASON_RULE = "reason-risk";

    private RiskMatrix() {
    }

    public static RiskAssessment assess(RiskRuleSet rules, int version, RiskInput input) {
        List<FiredRule> fired = new ArrayList<>();
        ReturnOutcome floor = ReturnOutcome.APPROVED;
        BigDecimal score = BigDecimal.ZERO;

        ReturnLine riskiestCategory = input.lines().stream()
                .max(Comparator.comparing((ReturnLine l) -> rules.categoryPoints(l.category())))
                .orElse(null);
        if (riskiestCategory != null) {
            BigDecimal points = rules.categoryPoints(riskiestCategory.category());
            if (points.signum() != 0) {
                fired.add(new FiredRule(CATEGORY_RULE, "Category '" + riskiestCategory.category() + "' carries risk "
                        + Numbers.plain(points), Numbers.normalize(points)));
                score = score.add(points);
            }
        }
        ReturnReason riskiestReason = input.lines().stream().map(ReturnLine::reason)
                .max(Comparator.comparing(rules::reasonPoints).thenComparing(Comparator.reverseOrder()))
                .orElse(null);
        if (riskiestReason != null) {
            BigDecimal points = rules.reasonPoints(riskiestReason);
            if (points.signum() != 0) {
                fired.add(new FiredRule(REASON_RULE, "Reason " + riskiestReason + " carries risk " + Numbers.plain(points),
                        Numbers.normalize(points)));
                score = score.add(points);
            }
        }
        for (RiskRule rule : rules.rules()) {
            if (rule.firesFor(input)) {
                fired.add(new FiredRule(rule.id(), rule.reason(input), Numbers.normalize(rule.points())));
                score = score.add(rule.points());
                if (rule.atLeast() != null && rule.atLeast().compareTo(floor) > 0) {
                    floor = rule.atLeast();
                }
            }
        }
        if (score.signum() < 0) {
            score = BigDecimal.ZERO;
        }
        ReturnOutcome outcome;
        if (rules.rejectFrom() != null && score.compareTo(rules.rejectFrom()) >= 0) {
            outcome = ReturnOutcome.REJECTED;
        } else if (score.compareTo(rules.reviewFrom()) >= 0) {
            outcome = ReturnOutcome.REVIEW;
        } else {
            outcome = ReturnOutcome.APPROVED;
        }
        if (floor.compareTo(outcome) > 0) {
            outcome = floor;
        }
        return new RiskAssessment(outcome, Numbers.normalize(score), List.copyOf(fired), version);
    }
}
