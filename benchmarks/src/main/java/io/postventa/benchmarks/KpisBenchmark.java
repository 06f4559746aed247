package io.postventa.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.postventa.benchmarks.data.BulkSql;
import io.postventa.benchmarks.data.FeedbackDataSet;
import io.postventa.benchmarks.data.DataSet;
import io.postventa.benchmarks.load.HttpLoad;
import io.postventa.benchmarks.measure.Ceilings;
import io.postventa.benchmarks.measure.Latencies;
import io.postventa.benchmarks.measure.Machine;
import io.postventa.benchmarks.measure.Report;
import io.postventa.benchmarks.stack.BenchStack;
import io.postventa.benchmarks.stack.RunningService;
import io.postventa.devstack.DevTokens;
import io.postventa.devstack.PlatformService;

/**
 * feedback-service's KPI reports over one year of history (issues #8, #31): p50/p99 of {@code GET /api/v1/kpis}
 * (granularity day, week, month), {@code /api/v1/kpis/contact-reasons}, {@code /api/v1/kpis/drivers},
 * {@code /api/v1/kpis/splits} (by channel, team, agent), {@code /api/v1/kpis/variants} and a partner's scorecard with a
 * manager token, over a week, 30 days, a calendar month, a quarter and the whole year (ranges that do and do not
 * start on the first of a month), with the service run from its packaged jar on the benchmark's own Kafka and
 * PostgreSQL, next to the machine's ceilings measured in the same run.
 *
 * <p>The history is <b>bulk-loaded</b>: the service's Flyway creates the schema, then {@link FeedbackDataSet} fills
 * the fact tables with SQL (1,000,000 orders by default) and computes every rollup from them with SQL aggregates,
 * then ANALYZE. Goal: p99 under 200 ms for every report and range.
 */
public final class KpisBenchmark {
    private static final double GOAL_P99_MS = 200;

    private KpisBenchmark() {
    }

    record Query(String name, String path) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse("kpis", "feedback-service's KPI reports over one year of bulk-loaded history: p50/p99 "
                + "of /api/v1/kpis (by day, week, month), /kpis/contact-reasons, /kpis/drivers, /kpis/splits, /kpis/variants over five "
                + "ranges and a partner's scorecard.", args);
        int orders = options.integer("orders", 1_000_000, "orders placed over the year (with their lines, tickets, "
                + "contacts, returns, surveys and answers)");
        int requests = options.integer("requests", 100, "measured requests of each report and range");
        int concurrency = options.integer("concurrency", 1, "clients asking at the same time");
        boolean reuse = options.flag("reuse", "keep the bench stack's PostgreSQL data and skip the load when it holds this "
                + "history already (same shape, days and schema version)");
        Machine machine = options.start("KPI benchmark");
        ZoneId zone = ZoneId.of("Europe/Madrid");
        FeedbackDataSet dataSet = new FeedbackDataSet(orders, zone, LocalDate.now(zone).minusDays(1));
        try (BenchStack stack = BenchStack.start(reuse)) {
            RunningService service = stack.startService(PlatformService.FEEDBACK, Map.of());
            Ceilings ceilings = Ceilings.measure(stack.info(), 512);
            Map<String, Object> data = DataSet.loadOrReuse(stack, service, dataSet, reuse);
            List<Query> queries = queries(ranges(dataSet));
            String manager = DevTokens.token("manager", "bench-manager", null, Duration.ofHours(2));
            System.out.printf("KPI reports: %d requests each, %d client(s)...%n", requests, concurrency);
            Map<String, HttpLoad.Result> results = new LinkedHashMap<>();
            for (Query q : queries) {
                HttpLoad.Result r = HttpLoad.forCount(concurrency, 10, requests, 200,
                        i -> HttpLoad.get(service.url() + q.path(), manager));
                System.out.printf("  %-32s p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms, %d errors%s%n", q.name(),
                        r.latencies().percentile(50), r.latencies().percentile(99), r.latencies().max(), r.errors(),
                        r.errorSample() == null ? "" : " (" + r.errorSample() + ")");
                results.put(q.name(), r);
            }
            report(options.report(machine), ceilings, dataSet, data, ranges(dataSet), concurrency, queries, results).write();
        }
        System.exit(0);
    }


    /** A week, 30 days, the last calendar month, a quarter and the whole year, all ending yesterday but the month. */
    private static Map<String, LocalDate[]> ranges(FeedbackDataSet dataSet) {
        LocalDate last = dataSet.last();
        Map<String, LocalDate[]> ranges = new LinkedHashMap<>();
        ranges.put("week", new LocalDate[] {last.minusDays(6), last});
        ranges.put("30 days", new LocalDate[] {last.minusDays(29), last});
        LocalDate month = last.withDayOfMonth(1).minusMonths(1);
        ranges.put("calendar month", new LocalDate[] {month, month.plusMonths(1).minusDays(1)});
        ranges.put("quarter", new LocalDate[] {last.minusDays(89), last});
        ranges.put("year", new LocalDate[] {dataSet.first(), last});
        return ranges;
    }

    /** Every report over every range. */
    private static List<Query> queries(Map<String, LocalDate[]> ranges) {
        List<Query> queries = new ArrayList<>();
        for (Map.Entry<String, LocalDate[]> r : ranges.entrySet()) {
            String range = "from=" + r.getValue()[0] + "&to=" + r.getValue()[1];
            for (String g : List.of("day", "week", "month")) {
                queries.add(new Query("kpis " + g + ", " + r.getKey(), "/api/v1/kpis?" + range + "&granularity=" + g));
            }
            queries.add(new Query("contact-reasons, " + r.getKey(), "/api/v1/kpis/contact-reasons?" + range));
            queries.add(new Query("drivers, " + r.getKey(), "/api/v1/kpis/drivers?" + range));
            for (String by : List.of("channel", "team", "agent")) {
                queries.add(new Query("splits by " + by + ", " + r.getKey(), "/api/v1/kpis/splits?" + range + "&by=" + by));
            }
            queries.add(new Query("variants, " + r.getKey(), "/api/v1/kpis/variants?" + range));
        }
        // a partner's scorecard: the last whole month of the history, with 6 and with 12 months of trend
        String month = ranges.get("calendar month")[0].toString().substring(0, 7);
        for (int months : new int[] { 6, 12 }) {
            queries.add(new Query("scorecard, " + months + " months", "/api/v1/partners/partner-sur/scorecard?month=" + month
                    + "&months=" + months));
        }
        return queries;
    }

    private static Report report(Report report, Ceilings ceilings, FeedbackDataSet dataSet, Map<String, Object> data,
            Map<String, LocalDate[]> ranges, int concurrency, List<Query> queries, Map<String, HttpLoad.Result> results) {
        double worst = results.values().stream().mapToDouble(r -> r.latencies().percentile(99)).max().orElse(Double.NaN);
        Map<String, Object> json = new LinkedHashMap<>();
        for (Query q : queries) {
            Map<String, Object> one = new LinkedHashMap<>(results.get(q.name()).summary());
            one.put("path", q.path());
            json.put(q.name(), one);
        }
        Map<String, Object> rangesJson = new LinkedHashMap<>();
        ranges.forEach((k, v) -> rangesJson.put(k, v[0] + ".." + v[1]));
        report.put("dataSet", Map.of("orders", dataSet.orders(), "days", dataSet.first() + ".." + dataSet.last(),
                        "timeZone", dataSet.zone().getId(), "method", FeedbackDataSet.METHOD, "load", data))
                .put("ranges", rangesJson)
                .put("concurrency", concurrency)
                .put("queries", json)
                .put("goals", Map.of("p99Ms", GOAL_P99_MS, "met", worst < GOAL_P99_MS))
                .put("ratios", Map.of("worstP99ToGoal", Latencies.round2(worst / GOAL_P99_MS)))
                .put("machineLoadAverageAtEnd", Machine.current().loadAverage());
        ceilings.addTo(report);
        for (Query q : queries) {
            Latencies l = results.get(q.name()).latencies();
            report.row(q.name() + " p50/p99", Report.ms(l.percentile(50)) + " / " + Report.ms(l.percentile(99)),
                    "goal p99 < " + Report.ms(GOAL_P99_MS), Report.ratio(l.percentile(99), GOAL_P99_MS));
        }
        return report.row("load average (start)", String.format(Locale.ROOT, "%.2f", report.machine().loadAverage()), "",
                "");
    }
}
