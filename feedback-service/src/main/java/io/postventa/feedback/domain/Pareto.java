package io.postventa.feedback.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The Pareto of contact reasons: reasons by contacts, most first, each with its share, the cumulative share, and
 * whether it belongs to the "vital few" that make up the first 80% (a reason is in when the share before it is
 * still under 80%, so the reason that crosses the line is included).
 */
public final class Pareto {
    public static final double CUT = 0.80;

    private Pareto() {
    }

    public record Row(String reason, long contacts, double share, double cumulativeShare, boolean vitalFew) {
    }

    public static List<Row> of(Map<String, Long> contactsByReason) {
        long total = contactsByReason.values().stream().mapToLong(Long::longValue).sum();
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(contactsByReason.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        List<Row> rows = new ArrayList<>();
        long running = 0;
        for (Map.Entry<String, Long> e : sorted) {
            if (e.getValue() <= 0) {
                continue;
            }
            double before = (double) running / total;
            running += e.getValue();
            rows.add(new Row(e.getKey(), e.getValue(), Ratios.round((double) e.getValue() / total),
                    Ratios.round((double) running / total), before < CUT - 1e-9));
        }
        return rows;
    }
}
