package io.postventa.returns.domain;

import java.math.BigDecimal;
import java.util.List;

import io.postventa.events.returns.FiredRule;
import io.postventa.events.returns.ReturnOutcome;

/** What the risk matrix concluded for one request, and why. */
public record RiskAssessment(ReturnOutcome outcome, BigDecimal score, List<FiredRule> firedRules, int ruleSetVersion) {
}
