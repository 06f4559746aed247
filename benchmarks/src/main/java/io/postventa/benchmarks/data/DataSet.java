package io.postventa.benchmarks.data;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.postventa.benchmarks.measure.Latencies;
import io.postventa.benchmarks.stack.BenchStack;
import io.postventa.benchmarks.stack.RunningService;
import io.postventa.devstack.PlatformService;

/** A service's bulk-loaded data set: facts inserted with SQL, the rest derived by the service's own rebuild. */
public interface DataSet {
    /** The service whose database it fills. */
    PlatformService service();

    /** Whether the database holds this data set already (a reused bench stack). */
    boolean presentIn(BulkSql sql) throws SQLException;

    /** Rows of every table it fills. */
    Map<String, Long> counts(BulkSql sql) throws SQLException;

    /** Loads it (the service runs, so that its admin API can be used) and returns each step's seconds and the rows. */
    Map<String, Object> load(BenchStack stack, BulkSql sql, ServiceAdmin admin) throws Exception;

    /**
     * Ends a load: records the data set as loaded, waits until the service's outbox relay has read past the load's WAL
     * (so decoding it does not run in the background of the measurements), and sums up the steps, the service's
     * rebuild and the rows.
     */
    static Map<String, Object> loaded(DataSet dataSet, BulkSql sql, String marker, String slot, long startNanos,
            Map<String, Object> rebuilt) throws SQLException, InterruptedException {
        sql.mark(marker);
        sql.awaitSlotCaughtUp(slot, Duration.ofMinutes(5));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds", Latencies.round((System.nanoTime() - startNanos) / 1e9));
        out.put("steps", sql.timings());
        out.put("rebuild", rebuilt);
        out.put("rows", dataSet.counts(sql));
        return out;
    }

    /** Loads the data set, or with {@code reuse} finds it already there; adds the schema version and database size. */
    static Map<String, Object> loadOrReuse(BenchStack stack, RunningService service, DataSet dataSet, boolean reuse)
            throws Exception {
        try (BulkSql sql = new BulkSql(stack.db(dataSet.service().database()))) {
            Map<String, Object> data;
            if (dataSet.presentIn(sql) && reuse) {
                System.out.println("Reusing the data set of an earlier run (same shape, size and schema version).");
                data = new LinkedHashMap<>(Map.of("reused", true, "rows", dataSet.counts(sql)));
            } else {
                System.out.printf("Bulk-loading %s...%n", dataSet);
                data = dataSet.load(stack, sql, new ServiceAdmin(service));
            }
            data.put("schemaVersion", sql.schemaVersion());
            data.put("databaseSize", sql.text("select pg_size_pretty(pg_database_size(current_database()))"));
            return data;
        }
    }
}
