package io.postventa.feedback.domain;

/** The KPI arithmetic: ratios that are null without a denominator, rounded to 4 decimals; NPS. */
public final class Ratios {
    private Ratios() {
    }

    public static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : round((double) numerator / denominator);
    }

    public static Double mean(long sum, long count) {
        return count == 0 ? null : Math.round((double) sum / count * 10.0) / 10.0;
    }

    /** An average score, two decimals. */
    public static Double average(long sum, long count) {
        return count == 0 ? null : Math.round((double) sum / count * 100.0) / 100.0;
    }

    /** NPS: % promoters minus % detractors, -100 to 100, one decimal. */
    public static Double nps(long promoters, long detractors, long answers) {
        return answers == 0 ? null : Math.round((promoters - detractors) * 1000.0 / answers) / 10.0;
    }

    /** CSAT: % of satisfied answers (4-5), one decimal. */
    public static Double csat(long satisfied, long answers) {
        return answers == 0 ? null : Math.round(satisfied * 1000.0 / answers) / 10.0;
    }

    public static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
