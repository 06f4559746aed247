package io.postventa.returns.domain;

import java.math.BigDecimal;

/** One test of a rule: {@code factor op value}, e.g. UNIT_PRICE GT 300. */
public record Condition(Factor factor, Comparison op, BigDecimal value) {

    public boolean holds(RiskInput input) {
        return op.holds(factor.valueOf(input), value);
    }

    /** E.g. "highest unit price 450 > 300". */
    public String explain(RiskInput input) {
        return factor.label() + " " + Numbers.plain(factor.valueOf(input)) + " " + op.symbol() + " " + Numbers.plain(value);
    }
}
