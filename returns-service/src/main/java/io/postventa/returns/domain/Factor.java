package io.postventa.returns.domain;

import java.math.BigDecimal;

/** A measurable input of the risk matrix that a rule's condition compares with a threshold. */
public enum Factor {
    /** Highest unit price among the returned lines. */
    UNIT_PRICE("highest unit price"),
    /** Value of all returned items. */
    TOTAL_VALUE("total value"),
    /** Units returned in this request. */
    UNITS("units returned"),
    /** Whole days between delivery and the request. */
    DAYS_SINCE_DELIVERY("days since delivery"),
    /** Orders the customer has placed (1 = a new customer). */
    PURCHASE_COUNT("purchases"),
    /** Return requests of the customer in the last 12 months, this one excluded. */
    RETURNS_LAST_12_MONTHS("returns in 12 months"),
    /** Returned units / delivered units over 12 months, 0 to 1. */
    RETURN_RATE_12_MONTHS("12-month return rate"),
    /** Value of the customer's returns not yet closed. */
    OPEN_RETURNS_VALUE("value of open returns");

    private final String label;

    Factor(String label) {
        this.label = label;
    }

    /** How the factor is named in a human-readable reason. */
    public String label() {
        return label;
    }

    /** The factor's value for a request. */
    public BigDecimal valueOf(RiskInput input) {
        return switch (this) {
            case UNIT_PRICE -> input.maxUnitPrice();
            case TOTAL_VALUE -> input.totalValue();
            case UNITS -> BigDecimal.valueOf(input.units());
            case DAYS_SINCE_DELIVERY -> BigDecimal.valueOf(input.daysSinceDelivery());
            case PURCHASE_COUNT -> BigDecimal.valueOf(input.purchaseCount());
            case RETURNS_LAST_12_MONTHS -> BigDecimal.valueOf(input.returnsLast12Months());
            case RETURN_RATE_12_MONTHS -> input.returnRate12Months();
            case OPEN_RETURNS_VALUE -> input.openReturnsValue();
        };
    }
}
