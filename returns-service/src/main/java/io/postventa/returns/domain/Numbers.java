package io.postventa.returns.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting shared by reasons and scores, so the same input always reads the same. */
public final class Numbers {
    private Numbers() {
    }

    /** The value without trailing zeros and never in scientific notation ("450", "0.35"). */
    public static String plain(BigDecimal value) {
        return normalize(value).toPlainString();
    }

    /** Strips trailing zeros, keeping a scale of at least 0 (12.00 becomes 12, 1E+2 becomes 100). */
    public static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    public static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
