package io.postventa.benchmarks.measure;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Exact percentiles of a set of latencies in milliseconds. */
public final class Latencies {
    private final double[] sorted;

    public Latencies(double[] millis) {
        this.sorted = millis.clone();
        Arrays.sort(this.sorted);
    }

    public static Latencies of(Collection<Double> millis) {
        return new Latencies(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public int count() {
        return sorted.length;
    }

    public double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    public double mean() {
        return Arrays.stream(sorted).average().orElse(Double.NaN);
    }

    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", count());
        out.put("meanMs", round(mean()));
        out.put("p50Ms", round(percentile(50)));
        out.put("p90Ms", round(percentile(90)));
        out.put("p99Ms", round(percentile(99)));
        out.put("maxMs", round(max()));
        return out;
    }

    public static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }

    public static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
