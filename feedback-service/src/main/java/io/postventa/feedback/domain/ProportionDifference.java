package io.postventa.feedback.domain;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The difference between two proportions with its two-proportion z-interval (Wald, unpooled):
 * {@code (p2 - p1) ± z * sqrt(p1(1-p1)/n1 + p2(1-p2)/n2)}. Significant when the interval does not contain 0.
 */
public record ProportionDifference(double difference, double lower, double upper, boolean significant) {
    /** The confidence level of every interval reported. */
    public static final double CONFIDENCE = 0.95;
    private static final double Z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);

    /** {@code x2/n2 - x1/n1}, or null when either has no trials. */
    public static ProportionDifference of(long x1, long n1, long x2, long n2) {
        if (n1 <= 0 || n2 <= 0) {
            return null;
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double d = p2 - p1;
        double margin = Z * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double lower = d - margin;
        double upper = d + margin;
        return new ProportionDifference(Ratios.round(d), Ratios.round(lower), Ratios.round(upper), lower > 0 || upper < 0);
    }

    /** The z of the interval (1.96 for 95%). */
    public static double z() {
        return Z;
    }
}
