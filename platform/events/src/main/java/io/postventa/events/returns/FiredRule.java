package io.postventa.events.returns;

import java.math.BigDecimal;

/**
 * A risk rule that fired for a request, with its contribution to the score.
 *
 * @param ruleId      stable id of the rule in the rule set
 * @param reason      human-readable explanation, e.g. "unit price 450.00 EUR above 300.00"
 * @param scoreImpact points the rule added (negative lowers risk)
 */
public record FiredRule(String ruleId, String reason, BigDecimal scoreImpact) {
}
