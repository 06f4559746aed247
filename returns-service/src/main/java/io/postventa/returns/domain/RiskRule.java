package io.postventa.returns.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import io.postventa.events.returns.ReturnOutcome;

/**
 * A rule of the risk matrix: when every condition holds it fires, adds its points to the score
 * and, if {@code atLeast} is set, raises the outcome to at least that (e.g. always REVIEW above
 * some value).
 *
 * @param id          stable id, reported with each decision
 * @param description what the rule means, the start of its reason
 * @param when        conditions that must all hold
 * @param points      score added when it fires (negative lowers the risk)
 * @param atLeast     lowest outcome once it fires; optional
 */
public record RiskRule(String id, String description, List<Condition> when, BigDecimal points, ReturnOutcome atLeast) {

    public RiskRule {
        when = when == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(when));
    }

    public boolean firesFor(RiskInput input) {
        return when.stream().allMatch(c -> c.holds(input));
    }

    /** E.g. "Expensive item: highest unit price 450 > 300". */
    public String reason(RiskInput input) {
        return description + ": " + when.stream().map(c -> c.explain(input)).collect(Collectors.joining(" and "));
    }
}
