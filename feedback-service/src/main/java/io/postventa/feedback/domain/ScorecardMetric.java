package io.postventa.feedback.domain;

import java.util.Set;

/**
 * What a partner's contract can hold it to, each read from the partner team's monthly ticket KPIs (split_daily).
 * A target is met when the month's value is at least (or, for {@link #REOPEN_RATE}, at most) the target.
 */
public enum ScorecardMetric {
    /** Share of first responses by people within {@code hours} (1, 4, 24 or 48); target 0..1. */
    FIRST_RESPONSE_WITHIN_HOURS(true, 0, 1),
    /** Share of first responses by people within the SLA; target 0..1. */
    FIRST_RESPONSE_WITHIN_SLA(true, 0, 1),
    /** First-solved tickets that met both SLA targets; target 0..1. */
    SLA_COMPLIANCE(true, 0, 1),
    /** First solves / tickets created; target 0..1. */
    RESOLUTION_RATE(true, 0, 1),
    /** Reopens / first solves, at most; target 0..1. */
    REOPEN_RATE(false, 0, 1),
    /** Average CSAT score (1-5) of answers about the team's solved tickets; target 1..5. */
    CSAT_AVERAGE(true, 1, 5),
    /** Share of CSAT answers 4-5; target 0..1. */
    CSAT_SATISFIED(true, 0, 1);

    /** The hours a first-response target may name (split_daily keeps these thresholds). */
    public static final Set<Integer> HOURS = Set.of(1, 4, 24, 48);

    private final boolean atLeast;
    private final double min;
    private final double max;

    ScorecardMetric(boolean atLeast, double min, double max) {
        this.atLeast = atLeast;
        this.min = min;
        this.max = max;
    }

    /** True when the value must be at least the target, false when at most. */
    public boolean atLeast() {
        return atLeast;
    }

    public boolean accepts(double target) {
        return target >= min && target <= max;
    }

    public String bounds() {
        return (min == (long) min ? String.valueOf((long) min) : String.valueOf(min)) + ".." + (long) max;
    }

    /** Met, missed, or null when the month has no value to judge. */
    public Boolean met(Double value, double target) {
        if (value == null) {
            return null;
        }
        return atLeast ? value >= target : value <= target;
    }

    public static ScorecardMetric parse(String value) {
        for (ScorecardMetric m : values()) {
            if (m.name().equals(value)) {
                return m;
            }
        }
        return null;
    }
}
