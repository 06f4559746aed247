package io.postventa.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.postventa.devstack.DevTokens;
import io.postventa.devstack.PlatformService;
import io.postventa.testing.TestStack;

/**
 * feedback-service's KPI reports over one year of history (issue #8): p50/p99 of {@code GET /api/v1/kpis}
 * (granularity day, week, month), {@code /api/v1/kpis/contact-reasons} and {@code /api/v1/kpis/drivers} with a
 * manager token, over a week, 30 days, a calendar month, a quarter and the whole year (ranges that do and do not
 * start on the first of a month), with the service run from its packaged jar on the benchmark's own Kafka and
 * PostgreSQL, next to the machine's ceilings measured in the same run.
 *
 * <p>The history is <b>bulk-loaded</b>: the service's Flyway creates the schema, then {@link FeedbackDataSet} fills
 * the fact tables with SQL (1,000,000 orders by default) and computes every rollup from them with SQL aggregates,
 * then ANALYZE. Goal: p99 under 200 ms for every report and range.
 */
public final class KpisBenchmark {
    private static final String SLOT = "feedback_service_outbox";
    private static final double GOAL_P99_MS = 200;

    private KpisBenchmark() {
    }

    record Query(String name, String path) {
    }

    public static void main(String[] args) throws Exception {
        BenchLogging.configure();
        int orders = Integer.parseInt(OutboxRelayBenchmark.option(args, "orders", "1000000"));
        int requests = Integer.parseInt(OutboxRelayBenchmark.option(args, "requests", "100"));
        int concurrency = Integer.parseInt(OutboxRelayBenchmark.option(args, "concurrency", "1"));
        boolean reuse = List.of(args).contains("--reuse");
        ZoneId zone = ZoneId.of("Europe/Madrid");
        LocalDate last = LocalDate.now(zone).minusDays(1);
        Machine machine = Machine.current();
        System.out.printf("KPI benchmark on %d cores (%s), load average %.2f%n", machine.cores(), machine.cpu(),
                machine.loadAverage());

        try (ReusableServiceStack stack = ReusableServiceStack.start(PlatformService.FEEDBACK, reuse)) {
            System.out.println("Measuring the ceilings: Kafka ProducerPerformance, PostgreSQL commit rate...");
            Map<String, Object> kafka = Ceilings.kafkaProducer(stack.info(), "bench.ceiling." + UUID.randomUUID(),
                    100_000, 512);
            Map<String, Object> pg1 = Ceilings.postgresCommitRate(stack.info(), "benchmarks", 1, Duration.ofSeconds(5));
            Map<String, Object> pg4 = Ceilings.postgresCommitRate(stack.info(), "benchmarks", 4, Duration.ofSeconds(5));

            FeedbackDataSet dataSet = new FeedbackDataSet(orders, zone, last);
            Map<String, Object> data;
            try (BulkSql sql = new BulkSql(stack.connect())) {
                if (reuse && dataSet.presentIn(sql)) {
                    System.out.println("Reusing the history of an earlier run (same shape, days and schema version).");
                    data = new LinkedHashMap<>(Map.of("reused", true, "rows", FeedbackDataSet.counts(sql)));
                } else {
                    System.out.printf("Bulk-loading one year (%s to %s) of %,d orders, then the rollups (SQL, ANALYZE)...%n",
                            dataSet.first(), last, orders);
                    dataSet.presentIn(sql);
                    data = dataSet.load(sql, SLOT);
                }
                data.put("schemaVersion", sql.schemaVersion());
                data.put("databaseSize", sql.text("select pg_size_pretty(pg_database_size(current_database()))"));
            }

            Map<String, LocalDate[]> ranges = new LinkedHashMap<>();
            ranges.put("week", new LocalDate[] {last.minusDays(6), last});
            ranges.put("30 days", new LocalDate[] {last.minusDays(29), last});
            LocalDate month = last.withDayOfMonth(1).minusMonths(1);
            ranges.put("calendar month", new LocalDate[] {month, month.plusMonths(1).minusDays(1)});
            ranges.put("quarter", new LocalDate[] {last.minusDays(89), last});
            ranges.put("year", new LocalDate[] {dataSet.first(), last});
            List<Query> queries = new ArrayList<>();
            for (Map.Entry<String, LocalDate[]> r : ranges.entrySet()) {
                String range = "from=" + r.getValue()[0] + "&to=" + r.getValue()[1];
                for (String g : List.of("day", "week", "month")) {
                    queries.add(new Query("kpis " + g + ", " + r.getKey(), "/api/v1/kpis?" + range + "&granularity=" + g));
                }
                queries.add(new Query("contact-reasons, " + r.getKey(), "/api/v1/kpis/contact-reasons?" + range));
                queries.add(new Query("drivers, " + r.getKey(), "/api/v1/kpis/drivers?" + range));
            }

            String manager = DevTokens.token("manager", "bench-manager", null, Duration.ofHours(2));
            System.out.printf("KPI reports: %d requests each, %d client(s)...%n", requests, concurrency);
            Map<String, HttpLoad.Result> results = new LinkedHashMap<>();
            for (Query q : queries) {
                HttpLoad.Result r = HttpLoad.forCount(concurrency, 10, requests, 200,
                        i -> HttpLoad.get(stack.url() + q.path(), manager));
                System.out.printf("  %-32s p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms, %d errors%s%n", q.name(),
                        r.latencies().percentile(50), r.latencies().percentile(99), r.latencies().max(), r.errors(),
                        r.errorSample() == null ? "" : " (" + r.errorSample() + ")");
                results.put(q.name(), r);
            }

            double worst = results.values().stream().mapToDouble(r -> r.latencies().percentile(99)).max()
                    .orElse(Double.NaN);
            Map<String, Object> json = new LinkedHashMap<>();
            for (Query q : queries) {
                Map<String, Object> one = new LinkedHashMap<>(results.get(q.name()).summary());
                one.put("path", q.path());
                json.put(q.name(), one);
            }
            Map<String, Object> rangesJson = new LinkedHashMap<>();
            ranges.forEach((k, v) -> rangesJson.put(k, v[0] + ".." + v[1]));
            Report report = new Report(OutboxRelayBenchmark.option(args, "name", "kpis"), machine)
                    .put("dataSet", Map.of("orders", orders, "days", dataSet.first() + ".." + last, "timeZone", zone.getId(),
                            "method", "facts bulk-loaded with SQL (generate_series) after the service's Flyway "
                                    + "migrations, rollups computed from them with SQL aggregates, then ANALYZE",
                            "load", data))
                    .put("ceilings", Map.of("kafkaProducer", kafka, "postgres1Client", pg1, "postgres4Clients", pg4))
                    .put("ranges", rangesJson)
                    .put("concurrency", concurrency)
                    .put("queries", json)
                    .put("goals", Map.of("p99Ms", GOAL_P99_MS, "met", worst < GOAL_P99_MS))
                    .put("ratios", Map.of("worstP99ToGoal", Latencies.round2(worst / GOAL_P99_MS)))
                    .put("machineLoadAverageAtEnd", Machine.current().loadAverage());
            report.row("Kafka producer ceiling (512 B, acks=all)",
                    Report.number((double) kafka.get("recordsPerSecond")) + " rec/s", "", "")
                    .row("PostgreSQL commits/s, 1 client", Report.number(((Number) pg1.get("commitsPerSecond")).doubleValue()), "", "")
                    .row("PostgreSQL commits/s, 4 clients", Report.number(((Number) pg4.get("commitsPerSecond")).doubleValue()), "", "");
            for (Query q : queries) {
                Latencies l = results.get(q.name()).latencies();
                report.row(q.name() + " p50/p99", Report.ms(l.percentile(50)) + " / " + Report.ms(l.percentile(99)),
                        "goal p99 < " + Report.ms(GOAL_P99_MS), Report.ratio(l.percentile(99), GOAL_P99_MS));
            }
            report.row("load average (start)", String.format(Locale.ROOT, "%.2f", machine.loadAverage()), "", "");
            report.write(TestStack.projectRoot());
        }
        System.exit(0);
    }
}
