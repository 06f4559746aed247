package io.postventa.benchmarks.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.postventa.benchmarks.measure.Latencies;

/**
 * Bulk-loads a service's tables with plain SQL (generate_series, insert ... select) on one connection: drops the
 * secondary indexes of the tables first and builds them again afterwards from their own definitions (faster than
 * maintaining them row by row), then ANALYZEs, timing every step.
 */
public final class BulkSql implements AutoCloseable {
    /** SQLSTATE deadlock_detected. */
    private static final String DEADLOCK = "40P01";
    private final Connection connection;
    private final Map<String, Object> seconds = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    public BulkSql(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("set synchronous_commit = off");
            s.execute("set maintenance_work_mem = '1GB'");
            s.execute("set work_mem = '64MB'");
        }
    }

    /** SQL for a non-negative hash of an integer expression: the data sets' values come from these. */
    public static String hash(String expr) {
        return "(hashint4((" + expr + ")::int)::bigint & 2147483647)";
    }

    /** Runs one statement and records how long it took under {@code label}. */
    public long step(String label, String sql) throws SQLException {
        long start = System.nanoTime();
        long rows;
        try (Statement s = connection.createStatement()) {
            rows = s.executeLargeUpdate(sql);
        } catch (SQLException e) {
            throw new SQLException(label + ": " + e.getMessage(), e);
        }
        double took = (System.nanoTime() - start) / 1e9;
        seconds.merge(label, Latencies.round(took), (a, b) -> Latencies.round((double) a + (double) b));
        System.out.printf("  %-44s %,12d rows %7.1f s%n", label, Math.max(rows, 0), took);
        return rows;
    }

    /**
     * Drops the non-unique, non-primary-key indexes of {@code tables} and returns their definitions. Each definition
     * is kept in the table {@code bench_dropped_index} until {@link #createIndexes} has built it again, so that a load
     * that failed in between (on a reused stack) does not leave the schema without them: the next load builds them
     * too, though they are no longer in the catalog.
     */
    public List<String> dropSecondaryIndexes(String... tables) throws SQLException {
        execute("create table if not exists bench_dropped_index (name text primary key, table_name text not null, "
                + "definition text not null)");
        String tableList = "array['" + String.join("','", tables) + "']";
        execute("insert into bench_dropped_index (name, table_name, definition) select i.relname, t.relname, "
                + "pg_get_indexdef(i.oid) from pg_index x join pg_class i on i.oid = x.indexrelid "
                + "join pg_class t on t.oid = x.indrelid where not x.indisprimary and not x.indisunique "
                + "and t.relname = any(" + tableList + ") on conflict (name) do nothing");
        List<String[]> dropped = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select name, definition from bench_dropped_index where table_name = any("
                     + tableList + ") order by name")) {
            while (rs.next()) {
                dropped.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        List<String> definitions = new ArrayList<>();
        for (String[] index : dropped) {
            execute("drop index if exists " + index[0]);
            definitions.add(index[1]);
        }
        return definitions;
    }

    /** Builds indexes from their definitions, as the migrations declared them. */
    public void createIndexes(List<String> definitions) throws SQLException {
        for (String definition : definitions) {
            String name = definition.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) .*$", "$2");
            step("index " + name, definition);
            execute("delete from bench_dropped_index where name = '" + name + "'");
        }
    }

    public void analyze(String... tables) throws SQLException {
        step("analyze", "analyze " + String.join(", ", tables));
    }

    /** VACUUM (ANALYZE): statistics, and the visibility map that index-only scans rely on (autocommit only). */
    public void vacuumAnalyze(String... tables) throws SQLException {
        step("vacuum analyze", "vacuum (analyze) " + String.join(", ", tables));
    }

    /**
     * Runs one statement. A reused stack's service is already running and reads these tables while a load truncates
     * them or drops their indexes: PostgreSQL may break the lock cycle by cancelling the bulk statement (deadlock
     * detected), which then runs again, up to five times.
     */
    public void execute(String sql) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
                return;
            } catch (SQLException e) {
                if (!DEADLOCK.equals(e.getSQLState()) || attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public String text(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Rows of a query as lists of strings. */
    public List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Whether the database holds the data set {@code marker} names, loaded under the schema it has now (a reused bench
     * stack); creates the bookkeeping table on first use.
     */
    public boolean holds(String marker) throws SQLException {
        execute("create table if not exists bench_data_set (marker text primary key, schema_version text, "
                + "loaded_at timestamptz not null default now())");
        return count("select count(*) from bench_data_set where marker = '" + marker + "' and schema_version = '"
                + schemaVersion() + "'") > 0;
    }

    /** Records that the data set {@code marker} names is loaded, under the schema the database has now. */
    public void mark(String marker) throws SQLException {
        execute("insert into bench_data_set (marker, schema_version) values ('" + marker + "', '" + schemaVersion() + "')");
    }

    /** Rows of each table. */
    public Map<String, Long> counts(List<String> tables) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, count("select count(*) from " + table));
        }
        return rows;
    }

    /** The newest Flyway migration applied by the service, e.g. "3". */
    public String schemaVersion() throws SQLException {
        return text("select version from flyway_schema_history where success and version is not null "
                + "order by installed_rank desc limit 1");
    }

    /** The plan and timing of one query, as PostgreSQL's EXPLAIN (ANALYZE, BUFFERS) prints it. */
    public String explainAnalyze(String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /**
     * Waits until the service's outbox relay has read the WAL the bulk load wrote (its replication slot has
     * confirmed the current position), so decoding it does not run in the background of the measurements.
     */
    public void awaitSlotCaughtUp(String slot, Duration timeout) throws SQLException, InterruptedException {
        String target = text("select pg_current_wal_lsn()::text");
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String behind = text("select pg_wal_lsn_diff('" + target + "', confirmed_flush_lsn) from pg_replication_slots "
                    + "where slot_name = '" + slot + "'");
            if (behind == null || Double.parseDouble(behind) <= 0) {
                break;
            }
            Thread.sleep(500);
        }
        double took = (System.nanoTime() - start) / 1e9;
        seconds.put("relayCatchUp", Latencies.round(took));
        System.out.printf("  %-44s %20s %7.1f s%n", "outbox relay read past the load's WAL", "", took);
    }

    /** Work that may fail with SQL errors, for {@link #inParallel}. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** Runs two independent parts of a load at once (each on its own BulkSql), failing if either fails. */
    public static void inParallel(Work a, Work b) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> fa = pool.submit(() -> {
                a.run();
                return null;
            });
            java.util.concurrent.Future<?> fb = pool.submit(() -> {
                b.run();
                return null;
            });
            try {
                fa.get();
                fb.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Seconds per step. */
    public Map<String, Object> timings() {
        return seconds;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
