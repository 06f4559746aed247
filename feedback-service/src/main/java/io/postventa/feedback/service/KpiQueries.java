package io.postventa.feedback.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.postventa.events.feedback.SurveyKind;
import io.postventa.feedback.config.FeedbackConfig;
import io.postventa.feedback.domain.DriverDimension;
import io.postventa.feedback.domain.Granularity;
import io.postventa.feedback.domain.Pareto;
import io.postventa.feedback.domain.Ratios;
import io.postventa.feedback.domain.ResponseTimeHistogram;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The KPI reports, read from the rollup tables only: a year is at most 366 rows of kpi_daily (each day with its
 * first-response p90); the p90 of a week, a month or the whole range comes from the histograms of its whole weeks or
 * months plus the days at the range's edges, computed in SQL; per-sku rankings read only the rows with returns or
 * contacts, then the units ordered of the skus shown.
 */
@ApplicationScoped
public class KpiQueries {
    private final Sql sql;
    private final FeedbackConfig config;
    private final java.time.Clock clock;

    public KpiQueries(Sql sql, FeedbackConfig config, java.time.Clock clock) {
        this.sql = sql;
        this.config = config;
        this.clock = clock;
    }

    /** A validated, inclusive range of local days. */
    public record Range(LocalDate from, LocalDate to) {
    }

    /** First responses by people (automatic ones apart: {@code automatic}, and their share of all first responses). */
    public record FirstResponse(long responses, Double meanSeconds, Long p90Seconds, Double withinSlaRate, long automatic,
            Double automaticShare) {
    }

    public record Resolution(long solved, Double meanSeconds) {
    }

    public record Nps(long answers, long promoters, long detractors, Double score) {
    }

    public record Csat(long answers, long satisfied, Double averageScore, Double score) {
    }

    /** The KPIs of one period (or of the whole range). */
    public record Figures(long orders, long contacts, Double contactsPerOrder, long ticketsCreated, FirstResponse firstResponse,
            Resolution resolution, Double resolutionRate, Double slaCompliance, long slaBreaches, Double reopenRate,
            long defectiveOrders, Double orderDefectRate, long returnsRequested, Double returnRate, Double autoApprovalRate,
            long notifications, Double notificationsPerOrder, Nps nps, Csat csat, long detractors, long recoveredDetractors,
            Double recoveredCustomerRate) {
    }

    public record Period(LocalDate start, Figures figures) {
    }

    public record RateRow(String key, long unitsOrdered, long unitsReturned, Double returnRate) {
    }

    public record Returns(long requested, long unitsOrdered, long unitsReturned, Double returnRate, Double unitReturnRate,
            List<RateRow> byCategory, List<RateRow> bySku) {
    }

    public record KpiReport(LocalDate from, LocalDate to, String granularity, String timeZone, Figures totals,
            Returns returns, List<Period> series) {
    }

    public record ReasonCount(String reason, long contacts) {
    }

    public record SkuContacts(String sku, long contacts, long unitsOrdered, Double contactsPerUnit, List<ReasonCount> reasons) {
    }

    public record ContactReasonReport(LocalDate from, LocalDate to, long contacts, double cut, List<Pareto.Row> reasons,
            List<SkuContacts> bySku) {
    }

    public record DriverRow(SurveyKind kind, DriverDimension dimension, String value, long answers, Double score, Double averageScore,
            long promoters, long detractors, long satisfied) {
    }

    public record DriverReport(LocalDate from, LocalDate to, List<DriverRow> drivers) {
    }

    // input -------------------------------------------------------------------------------------------

    /** Parses from/to (ISO dates, inclusive); defaults to the last 30 days. Names the bad field in a 400. */
    public Range range(String from, String to) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(clock.withZone(config.kpi().timeZone())) : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : date("from", from);
        if (start.isAfter(end)) {
            throw ProblemException.badField("from", "must not be after to (" + end + ")");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > config.kpi().maxRange().toDays()) {
            throw ProblemException.badField("from", "the range may cover at most " + config.kpi().maxRange().toDays() + " days");
        }
        return new Range(start, end);
    }

    public static Granularity granularity(String value) {
        if (value == null || value.isBlank()) {
            return Granularity.DAY;
        }
        Granularity g = Granularity.parse(value);
        if (g == null) {
            throw ProblemException.badField("granularity", "must be one of day, week, month");
        }
        return g;
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "must be a date like 2026-03-31");
        }
    }

    // /kpis -------------------------------------------------------------------------------------------

    private static final String SUMS = "sum(orders) orders, sum(units_ordered) units_ordered, sum(contacts) contacts, "
            + "sum(tickets_created) tickets_created, sum(first_responses) first_responses, "
            + "sum(first_response_seconds_sum) first_response_seconds_sum, sum(first_responses_within_sla) first_responses_within_sla, "
            + "sum(tickets_solved) tickets_solved, sum(resolution_seconds_sum) resolution_seconds_sum, "
            + "sum(tickets_solved_within_sla) tickets_solved_within_sla, sum(reopens) reopens, sum(sla_breaches) sla_breaches, "
            + "sum(defective_orders) defective_orders, sum(returns_requested) returns_requested, sum(units_returned) units_returned, "
            + "sum(returns_decided) returns_decided, sum(returns_auto_approved) returns_auto_approved, "
            + "sum(notifications) notifications, sum(nps_answers) nps_answers, sum(nps_promoters) nps_promoters, "
            + "sum(nps_detractors) nps_detractors, sum(csat_answers) csat_answers, sum(csat_satisfied) csat_satisfied, "
            + "sum(csat_score_sum) csat_score_sum, sum(detractors) detractors, sum(recovered_detractors) recovered_detractors, "
            + "sum(automatic_first_responses) automatic_first_responses";

    public KpiReport kpis(Range range, Granularity granularity) {
        String unit = granularity.sqlUnit();
        Map<LocalDate, Integer> p90 = granularity == Granularity.DAY ? Map.of() : p90ByPeriod(range, granularity);
        Map<LocalDate, Figures> byPeriod = new TreeMap<>();
        sql.report("select date_trunc('" + unit + "', day)::date period, " + SUMS + ", max(first_response_p90_bucket) p90_bucket "
                + "from kpi_daily where day between ? and ? group by 1", rs -> {
                    LocalDate period = Sql.date(rs, "period");
                    Integer bucket = granularity == Granularity.DAY ? (Integer) rs.getObject("p90_bucket") : p90.get(period);
                    return byPeriod.put(period, figures(rs, ResponseTimeHistogram.seconds(bucket)));
                }, range.from(), range.to());
        Long totalP90 = ResponseTimeHistogram.seconds(totalP90(range));
        Figures totals = sql.reportRow("select " + SUMS + " from kpi_daily where day between ? and ?",
                rs -> figures(rs, totalP90), range.from(), range.to()).orElseThrow();
        List<Period> series = new ArrayList<>();
        for (LocalDate p = granularity.periodStart(range.from()); !p.isAfter(range.to()); p = granularity.next(p)) {
            series.add(new Period(p, byPeriod.getOrDefault(p, EMPTY)));
        }
        return new KpiReport(range.from(), range.to(), unit, config.kpi().timeZone().getId(), totals, returns(range, totals), series);
    }

    /** The p90 bucket of every week or month of a range: whole periods from their own histogram, edges from their days. */
    private Map<LocalDate, Integer> p90ByPeriod(Range range, Granularity granularity) {
        Edges e = edges(range, granularity);
        String histogram = e.union("first_response_histogram", "first_response_histogram", "day period, bucket, responses n",
                "date_trunc('" + granularity.sqlUnit() + "', day)::date period, bucket, responses n", null);
        Map<LocalDate, Integer> p90 = new HashMap<>();
        sql.report(ResponseTimeHistogram.P90_BY_PERIOD.formatted(histogram),
                rs -> p90.put(Sql.date(rs, "period"), rs.getInt("p90")), e.params().toArray());
        return p90;
    }

    /** The p90 bucket of a whole range (null without responses): whole months from the monthly histogram, edges from days. */
    private Integer totalP90(Range range) {
        Edges e = edges(range, Granularity.MONTH);
        String histogram = "select 0 period, bucket, sum(responses) n from ("
                + e.union("first_response_histogram", "first_response_histogram", "bucket, responses", "bucket, responses", null) + ") b group by bucket";
        return sql.reportRow(ResponseTimeHistogram.P90_BY_PERIOD.formatted(histogram), rs -> rs.getInt("p90"), e.params().toArray())
                .orElse(null);
    }

    private static final Figures EMPTY = new Figures(0, 0, null, 0, new FirstResponse(0, null, null, null, 0, null),
            new Resolution(0, null), null, null, 0, null, 0, null, 0, null, null, 0, null, new Nps(0, 0, 0, null),
            new Csat(0, 0, null, null), 0, 0, null);

    private static Figures figures(ResultSet rs, Long p90Seconds) throws SQLException {
        long orders = rs.getLong("orders");
        long contacts = rs.getLong("contacts");
        long firstResponses = rs.getLong("first_responses");
        long solved = rs.getLong("tickets_solved");
        long created = rs.getLong("tickets_created");
        long npsAnswers = rs.getLong("nps_answers");
        long csatAnswers = rs.getLong("csat_answers");
        long detractors = rs.getLong("detractors");
        long recovered = rs.getLong("recovered_detractors");
        long returns = rs.getLong("returns_requested");
        long notifications = rs.getLong("notifications");
        return new Figures(orders, contacts, Ratios.ratio(contacts, orders), created,
                new FirstResponse(firstResponses, Ratios.mean(rs.getLong("first_response_seconds_sum"), firstResponses),
                        firstResponses == 0 ? null : p90Seconds,
                        Ratios.ratio(rs.getLong("first_responses_within_sla"), firstResponses), rs.getLong("automatic_first_responses"),
                        Ratios.ratio(rs.getLong("automatic_first_responses"), firstResponses + rs.getLong("automatic_first_responses"))),
                new Resolution(solved, Ratios.mean(rs.getLong("resolution_seconds_sum"), solved)),
                Ratios.ratio(solved, created), Ratios.ratio(rs.getLong("tickets_solved_within_sla"), solved),
                rs.getLong("sla_breaches"), Ratios.ratio(rs.getLong("reopens"), solved), rs.getLong("defective_orders"),
                Ratios.ratio(rs.getLong("defective_orders"), orders), returns, Ratios.ratio(returns, orders),
                Ratios.ratio(rs.getLong("returns_auto_approved"), rs.getLong("returns_decided")), notifications,
                Ratios.ratio(notifications, orders),
                new Nps(npsAnswers, rs.getLong("nps_promoters"), rs.getLong("nps_detractors"),
                        Ratios.nps(rs.getLong("nps_promoters"), rs.getLong("nps_detractors"), npsAnswers)),
                new Csat(csatAnswers, rs.getLong("csat_satisfied"), Ratios.average(rs.getLong("csat_score_sum"), csatAnswers),
                        Ratios.csat(rs.getLong("csat_satisfied"), csatAnswers)),
                detractors, recovered, Ratios.ratio(recovered, detractors));
    }

    private Returns returns(Range range, Figures totals) {
        long[] units = sql.reportRow("select coalesce(sum(units_ordered), 0), coalesce(sum(units_returned), 0) from kpi_daily "
                + "where day between ? and ?", rs -> new long[] { rs.getLong(1), rs.getLong(2) }, range.from(), range.to()).orElseThrow();
        List<RateRow> byCategory = sql.report("select category, sum(units_ordered) o, sum(units_returned) r from category_daily "
                + "where day between ? and ? group by category order by sum(units_returned) desc, category",
                rs -> new RateRow(rs.getString(1), rs.getLong(2), rs.getLong(3), Ratios.ratio(rs.getLong(3), rs.getLong(2))),
                range.from(), range.to());
        Edges e = edges(range, Granularity.MONTH);
        List<Object> params = new ArrayList<>(e.params());
        params.add(config.kpi().topSkus());
        Map<String, Long> returned = new LinkedHashMap<>();
        sql.report("select sku, sum(units_returned) r from (" + e.union("sku_daily", "sku", "sku, units_returned", "sku, units_returned",
                "units_returned > 0") + ") s group by sku order by sum(units_returned) desc, sku limit ?",
                rs -> returned.put(rs.getString(1), rs.getLong(2)), params.toArray());
        Map<String, Long> ordered = unitsOrdered(e, returned.keySet());
        List<RateRow> bySku = new ArrayList<>();
        returned.forEach((sku, r) -> {
            long o = ordered.getOrDefault(sku, 0L);
            bySku.add(new RateRow(sku, o, r, Ratios.ratio(r, o)));
        });
        return new Returns(totals.returnsRequested(), units[0], units[1], totals.returnRate(), Ratios.ratio(units[1], units[0]),
                byCategory, bySku);
    }

    /** The units ordered of a few skus over a range, read by sku. */
    private Map<String, Long> unitsOrdered(Edges e, Collection<String> skus) {
        Map<String, Long> ordered = new HashMap<>();
        if (!skus.isEmpty()) {
            sql.report("select sku, sum(units_ordered) from (" + e.union("sku_daily", "sku", "sku, units_ordered", "sku, units_ordered",
                    "sku = any(?)") + ") s group by sku", rs -> ordered.put(rs.getString(1), rs.getLong(2)),
                    e.params((Object) skus.toArray(String[]::new)).toArray());
        }
        return ordered;
    }

    /**
     * The whole periods (weeks or months) of a range, read from the per-period tables, and the days at its edges,
     * read from the daily ones.
     */
    record Edges(LocalDate fullStart, LocalDate fullEnd, Range range, String periodSuffix) {
        boolean hasFullPeriods() {
            return fullStart.isBefore(fullEnd);
        }

        /**
         * Rows over the range of {@code dailyTable} and of the period table named {@code periodBase} plus the period's
         * suffix; {@code filter} (or null) is added to both
         * branches, and its parameters come first in each (see {@link #params(Object...)}).
         */
        String union(String dailyTable, String periodBase, String periodColumns, String dayColumns, String filter) {
            String f = filter == null ? "" : "(" + filter + ") and ";
            if (!hasFullPeriods()) {
                return "select " + dayColumns + " from " + dailyTable + " where " + f + "day between ? and ?";
            }
            // the two edges as branches of their own: each is one index range (an OR of the two was a filter over all days)
            return "select " + periodColumns + " from " + periodBase + periodSuffix + " where " + f + "day >= ? and day < ? union all "
                    + "select " + dayColumns + " from " + dailyTable + " where " + f + "day >= ? and day < ? union all "
                    + "select " + dayColumns + " from " + dailyTable + " where " + f + "day >= ? and day <= ?";
        }

        /** The parameters of {@link #union}: the filter's, then the branch's dates, for each branch. */
        List<Object> params(Object... filterParams) {
            List<Object> out = new ArrayList<>();
            if (!hasFullPeriods()) {
                out.addAll(List.of(filterParams));
                out.addAll(List.of(range.from(), range.to()));
                return out;
            }
            out.addAll(List.of(filterParams));
            out.addAll(List.of(fullStart, fullEnd));
            out.addAll(List.of(filterParams));
            out.addAll(List.of(range.from(), fullStart));
            out.addAll(List.of(filterParams));
            out.addAll(List.of(fullEnd, range.to()));
            return out;
        }
    }

    /** The whole weeks or months inside a range (empty when none is). */
    static Edges edges(Range range, Granularity granularity) {
        LocalDate first = granularity.periodStart(range.from());
        LocalDate fullStart = first.equals(range.from()) ? first : granularity.next(first);
        LocalDate fullEnd = granularity.periodStart(range.to().plusDays(1));
        String suffix = switch (granularity) {
            case WEEK -> "_weekly";
            case MONTH -> "_monthly";
            case DAY -> throw new IllegalArgumentException("days are the daily tables");
        };
        return new Edges(fullStart, fullEnd, range, suffix);
    }

    // /kpis/contact-reasons ---------------------------------------------------------------------------

    public ContactReasonReport contactReasons(Range range, int topSkus) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        sql.report("select reason, sum(contacts) from contact_reason_daily where day between ? and ? group by reason",
                rs -> byReason.put(rs.getString(1), rs.getLong(2)), range.from(), range.to());
        List<Pareto.Row> rows = Pareto.of(byReason);
        long total = byReason.values().stream().mapToLong(Long::longValue).sum();
        Edges e = edges(range, Granularity.MONTH);
        List<Object> params = new ArrayList<>(e.params());
        params.add(topSkus);
        Map<String, Long> contacted = new LinkedHashMap<>();
        sql.report("select sku, sum(contacts) c from (" + e.union("sku_daily", "sku", "sku, contacts", "sku, contacts", "contacts > 0")
                + ") s group by sku order by sum(contacts) desc, sku limit ?", rs -> contacted.put(rs.getString(1), rs.getLong(2)),
                params.toArray());
        Map<String, Long> ordered = unitsOrdered(e, contacted.keySet());
        List<SkuContacts> skus = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        contacted.forEach((sku, c) -> {
            long o = ordered.getOrDefault(sku, 0L);
            index.put(sku, skus.size());
            skus.add(new SkuContacts(sku, c, o, Ratios.ratio(c, o), new ArrayList<>()));
        });
        if (!skus.isEmpty()) {
            sql.report("select sku, reason, sum(contacts) c from (" + e.union("sku_reason_daily", "sku_reason", "sku, reason, contacts",
                    "sku, reason, contacts", "sku = any(?)") + ") s group by sku, reason order by sum(contacts) desc, reason", rs -> {
                        skus.get(index.get(rs.getString(1))).reasons().add(new ReasonCount(rs.getString(2), rs.getLong(3)));
                        return null;
                    }, e.params((Object) contacted.keySet().toArray(String[]::new)).toArray());
        }
        return new ContactReasonReport(range.from(), range.to(), total, Pareto.CUT, rows, skus);
    }

    // /kpis/drivers -----------------------------------------------------------------------------------

    public DriverReport drivers(Range range) {
        List<DriverRow> rows = sql.report("select kind, dimension, value, sum(answers) a, sum(promoters) p, sum(detractors) d, "
                + "sum(satisfied) s, sum(score_sum) ss from driver_daily where day between ? and ? "
                + "group by kind, dimension, value order by kind desc, dimension, sum(answers) desc, value", rs -> {
                    SurveyKind kind = SurveyKind.valueOf(rs.getString("kind"));
                    long answers = rs.getLong("a");
                    long p = rs.getLong("p");
                    long d = rs.getLong("d");
                    long s = rs.getLong("s");
                    Double score = kind == SurveyKind.NPS ? Ratios.nps(p, d, answers) : Ratios.csat(s, answers);
                    return new DriverRow(kind, DriverDimension.valueOf(rs.getString("dimension")), rs.getString("value"), answers, score,
                            Ratios.average(rs.getLong("ss"), answers), p, d, s);
                }, range.from(), range.to());
        return new DriverReport(range.from(), range.to(), rows);
    }
}
