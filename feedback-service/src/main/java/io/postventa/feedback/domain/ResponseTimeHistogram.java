package io.postventa.feedback.domain;

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

    /** {@link #bucket} in SQL, of the seconds expression it is formatted with (the same float arithmetic). */
    public static final String BUCKET_SQL = "(case when (%1$s) <= 1 then 0 else greatest(1, ceil(ln((%1$s)::float8) "
            + "/ ln(1.02::float8) - 1e-9)::int) end)";

    /** The largest time a bucket holds, in seconds (rounded). */
    public static long upperBound(int bucket) {
        return bucket == 0 ? 1 : Math.round(Math.pow(BASE, bucket));
    }

    /**
     * The p90 bucket (nearest rank: the smallest bucket whose cumulative count reaches ceil(0.9 * total)) of every
     * period of a histogram, in SQL so that only one row per period leaves the database. Format it with a query
     * of columns {@code (period, bucket, n)}; it yields {@code (period, p90)}, no row for a period without counts.
     */
    public static final String P90_BY_PERIOD = "select period, min(bucket) p90 from (select period, bucket, "
            + "sum(n) over (partition by period order by bucket) cum, sum(n) over (partition by period) total from (%s) h) c "
            + "where cum >= ceil(total * 0.9) group by period";

    /** The upper bound in seconds of a p90 bucket read with {@link #P90_BY_PERIOD}, or null for no bucket (SQL null). */
    public static Long seconds(Integer bucket) {
        return bucket == null ? null : upperBound(bucket);
    }
}
