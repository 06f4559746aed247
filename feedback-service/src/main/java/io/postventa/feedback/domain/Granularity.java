package io.postventa.feedback.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** How a KPI series is bucketed; weeks start on Monday (ISO). */
public enum Granularity {
    DAY, WEEK, MONTH;

    /** The first day of the period {@code day} falls in. */
    public LocalDate periodStart(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The start of the period after the one starting {@code periodStart}. */
    public LocalDate next(LocalDate periodStart) {
        return switch (this) {
            case DAY -> periodStart.plusDays(1);
            case WEEK -> periodStart.plusWeeks(1);
            case MONTH -> periodStart.plusMonths(1);
        };
    }

    /** The granularity named {@code value} (day, week, month; any case), or null. */
    public static Granularity parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String sqlUnit() {
        return name().toLowerCase(Locale.ROOT);
    }
}
