package io.postventa.feedback.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.postventa.feedback.domain.ProportionDifference;
import io.postventa.feedback.domain.Ratios;
import io.postventa.feedback.service.KpiQueries.Range;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A/B results per template variant, from variant_daily (one row per template, variant and day the messages were
 * sent): what each variant's messages were followed by, and whether one variant's contact rate is significantly lower
 * than every other's.
 */
@ApplicationScoped
public class VariantQueries {
    /**
     * One variant's messages: sent; those about an order; contacted within 7 days about that order (and the rate over
     * messages about an order); CSAT of those customers about that order; messages whose portal link was opened at
     * least once, and messages through whose link the customer unsubscribed (each with its rate over messages sent).
     */
    public record VariantRow(String variant, long sent, long aboutAnOrder, long contactedWithin7Days, Double contactRate,
            long csatAnswers, Double csatAverage, Double csatSatisfiedRate, long portalVisits, Double portalVisitRate,
            long unsubscribes, Double unsubscribeRate) {
    }

    /** {@code variant}'s rate minus {@code against}'s, with the 95% interval; significant when it excludes 0. */
    public record Comparison(String metric, String variant, String against, Double difference, Double lower, Double upper,
            boolean significant) {
    }

    /**
     * Where to retire the losing variants: notification-service's template update, with the variants to keep (its
     * {@code PUT /api/v1/templates/{id}} takes the complete list).
     */
    public record Retire(String service, String method, String path, String keep, List<String> retire) {
    }

    /** A template's variants, the comparisons with the best one, and the winner when it is significantly best. */
    public record TemplateResult(String templateId, List<VariantRow> variants, List<Comparison> comparisons, String winner,
            Retire retire) {
    }

    public record VariantReport(LocalDate from, LocalDate to, double confidence, String primaryMetric, List<TemplateResult> templates) {
    }

    public static final String CONTACT_RATE = "contactRate";
    public static final String CSAT_SATISFIED_RATE = "csatSatisfiedRate";
    public static final String PORTAL_VISIT_RATE = "portalVisitRate";
    public static final String UNSUBSCRIBE_RATE = "unsubscribeRate";

    private final Sql sql;

    public VariantQueries(Sql sql) {
        this.sql = sql;
    }

    public VariantReport variants(Range range) {
        Map<String, List<long[]>> counts = new LinkedHashMap<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        sql.report("select template_id, variant, sum(sent), sum(with_order), sum(contacted_7d), sum(csat_answers), "
                + "sum(csat_satisfied), sum(csat_score_sum), sum(portal_visits), sum(unsubscribes) from variant_daily "
                + "where day between ? and ? group by template_id, variant order by template_id, variant", rs -> {
                    String t = rs.getString(1);
                    names.computeIfAbsent(t, k -> new ArrayList<>()).add(rs.getString(2));
                    return counts.computeIfAbsent(t, k -> new ArrayList<>()).add(new long[] { rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10) });
                }, range.from(), range.to());
        List<TemplateResult> templates = new ArrayList<>();
        counts.forEach((template, rows) -> templates.add(result(template, names.get(template), rows)));
        return new VariantReport(range.from(), range.to(), ProportionDifference.CONFIDENCE, CONTACT_RATE, templates);
    }

    /**
     * Compares every variant with the one of the lowest contact rate; that one wins when it is lower than each other.
     * Portal visit and unsubscribe rates (over messages sent) are compared with the same variant (or, when no two
     * variants have messages about an order, with the first that sent any) where either had a visit or an unsubscribe;
     * they are reported, the winner is still named by the contact rate alone.
     */
    static TemplateResult result(String template, List<String> names, List<long[]> c) {
        List<VariantRow> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            long[] v = c.get(i);
            rows.add(new VariantRow(names.get(i), v[0], v[1], v[2], Ratios.ratio(v[2], v[1]), v[3], Ratios.average(v[5], v[3]),
                    Ratios.ratio(v[4], v[3]), v[6], Ratios.ratio(v[6], v[0]), v[7], Ratios.ratio(v[7], v[0])));
        }
        List<Comparison> comparisons = new ArrayList<>();
        List<Integer> measured = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (c.get(i)[1] > 0) {
                measured.add(i);
            }
        }
        if (measured.size() < 2) {
            for (int i = 0; i < rows.size(); i++) {
                if (c.get(i)[0] > 0) {
                    linkComparisons(comparisons, names, c, i);
                    break;
                }
            }
            return new TemplateResult(template, rows, comparisons, null, null);
        }
        int best = measured.stream().min(Comparator.comparingDouble((Integer i) -> (double) c.get(i)[2] / c.get(i)[1])
                .thenComparing(names::get)).orElseThrow();
        boolean wins = true;
        for (int i : measured) {
            if (i == best) {
                continue;
            }
            ProportionDifference d = ProportionDifference.of(c.get(best)[2], c.get(best)[1], c.get(i)[2], c.get(i)[1]);
            comparisons.add(new Comparison(CONTACT_RATE, names.get(i), names.get(best), d.difference(), d.lower(), d.upper(),
                    d.significant()));
            wins &= d.significant() && d.difference() > 0;
            ProportionDifference s = ProportionDifference.of(c.get(best)[4], c.get(best)[3], c.get(i)[4], c.get(i)[3]);
            if (s != null) {
                comparisons.add(new Comparison(CSAT_SATISFIED_RATE, names.get(i), names.get(best), s.difference(), s.lower(),
                        s.upper(), s.significant()));
            }
        }
        linkComparisons(comparisons, names, c, best);
        if (!wins) {
            return new TemplateResult(template, rows, comparisons, null, null);
        }
        String winner = names.get(best);
        List<String> losers = names.stream().filter(n -> !n.equals(winner)).toList();
        return new TemplateResult(template, rows, comparisons, winner,
                new Retire("notification-service", "PUT", "/api/v1/templates/" + template, winner, losers));
    }

    /** Each other variant's portal visit and unsubscribe rates against {@code reference}'s, where either has any. */
    private static void linkComparisons(List<Comparison> comparisons, List<String> names, List<long[]> c, int reference) {
        String[] metrics = { PORTAL_VISIT_RATE, UNSUBSCRIBE_RATE };
        for (int m = 0; m < metrics.length; m++) {
            int k = 6 + m;
            for (int i = 0; i < names.size(); i++) {
                if (i == reference || c.get(i)[k] + c.get(reference)[k] == 0) {
                    continue;
                }
                ProportionDifference d = ProportionDifference.of(c.get(reference)[k], c.get(reference)[0], c.get(i)[k], c.get(i)[0]);
                if (d != null) {
                    comparisons.add(new Comparison(metrics[m], names.get(i), names.get(reference), d.difference(), d.lower(),
                            d.upper(), d.significant()));
                }
            }
        }
    }
}
