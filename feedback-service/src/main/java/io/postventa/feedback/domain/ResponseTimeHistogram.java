package io.postventa.feedback.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * Log-bucketed histogram of response times, for percentiles over any range without reading every ticket: bucket
 * {@code b} holds times in {@code (1.02^(b-1), 1.02^b]} seconds (bucket 0 holds 0-1 s), so a percentile read from
 * it is at most 2% above the exact value, and a year of data is a few hundred rows per day at most.
 */
public final class ResponseTimeHistogram {
    static final double BASE = 1.02;

    private ResponseTimeHistogram() {
    }

    /** The bucket of a time in seconds. */
    public static int bucket(long seconds) {
        if (seconds <= 1) {
            return 0;
        }
        int b = (int) Math.ceil(Math.log(seconds) / Math.log(BASE) - 1e-9);
        return Math.max(b, 1);
    }

    /** The largest time a bucket holds, in seconds (rounded). */
    public static long upperBound(int bucket) {
        return bucket == 0 ? 1 : Math.round(Math.pow(BASE, bucket));
    }

    /** The {@code q}-quantile (0 < q <= 1, nearest rank) of the counts per bucket, or null when empty. */
    public static Long percentile(Map<Integer, Long> countsByBucket, double q) {
        long total = countsByBucket.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (Map.Entry<Integer, Long> e : new TreeMap<>(countsByBucket).entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return upperBound(e.getKey());
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
