package io.postventa.returns.domain;

import java.math.BigDecimal;

/** How a condition compares a factor with its threshold. */
public enum Comparison {
    GT(">"), GTE(">="), LT("<"), LTE("<="), EQ("=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(BigDecimal actual, BigDecimal threshold) {
        int c = actual.compareTo(threshold);
        return switch (this) {
            case GT -> c > 0;
            case GTE -> c >= 0;
            case LT -> c < 0;
            case LTE -> c <= 0;
            case EQ -> c == 0;
        };
    }
}
