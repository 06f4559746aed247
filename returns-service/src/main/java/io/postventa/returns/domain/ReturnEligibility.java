package io.postventa.returns.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.postventa.events.common.OrderLine;
import io.postventa.events.returns.ReturnResolution;

/** The return policy applied to one delivered order: what can be returned, until when, and why not. */
public final class ReturnEligibility {
    private ReturnEligibility() {
    }

    /**
     * @param returnedBySku units of each sku already in returns that were not rejected or expired
     */
    public static List<LineEligibility> evaluate(ReturnPolicy policy, OrderFacts order, Map<String, Integer> returnedBySku,
            Instant now) {
        Map<String, OrderLine> bySku = mergedLines(order);
        List<LineEligibility> out = new ArrayList<>();
        for (OrderLine line : bySku.values()) {
            int returned = returnedBySku.getOrDefault(line.sku(), 0);
            List<Ineligibility> reasons = new ArrayList<>();
            Instant until = null;
            if (!order.delivered()) {
                reasons.add(Ineligibility.NOT_DELIVERED);
            } else {
                until = order.deliveredAt().plus(Duration.ofDays(policy.windowDaysFor(line.category())));
                if (now.isAfter(until)) {
                    reasons.add(Ineligibility.WINDOW_CLOSED);
                }
            }
            if (!policy.isReturnable(line.category())) {
                reasons.add(Ineligibility.NON_RETURNABLE_CATEGORY);
            }
            int left = Math.max(0, line.quantity() - returned);
            if (left == 0) {
                reasons.add(Ineligibility.NOTHING_LEFT);
            }
            out.add(new LineEligibility(line.sku(), line.name(), line.category(), line.unitPrice(), line.quantity(),
                    returned, reasons.isEmpty() ? left : 0, until, List.copyOf(reasons)));
        }
        return out;
    }

    /** Lines of the same sku count as one (an order may list a product twice). */
    public static Map<String, OrderLine> mergedLines(OrderFacts order) {
        Map<String, OrderLine> bySku = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            bySku.merge(line.sku(), line, (a, b) -> new OrderLine(a.sku(), a.name(), a.category(), a.unitPrice(),
                    a.quantity() + b.quantity()));
        }
        return bySku;
    }

    /** Every reason to refuse a request, one per offending line; empty when the policy allows it. */
    public static List<LineRefusal> check(ReturnPolicy policy, List<LineEligibility> eligibility, List<RequestedLine> lines,
            ReturnResolution resolution) {
        List<LineRefusal> out = new ArrayList<>();
        if (resolution != null && !policy.resolutions().contains(resolution)) {
            out.add(new LineRefusal("preferredResolution", Ineligibility.RESOLUTION_NOT_OFFERED, resolution.name()));
        }
        Map<String, LineEligibility> bySku = new HashMap<>();
        eligibility.forEach(e -> bySku.put(e.sku(), e));
        Map<String, Integer> asked = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            RequestedLine line = lines.get(i);
            String at = "lines[" + i + "]";
            if (line.reason() != null && !policy.reasons().contains(line.reason())) {
                out.add(new LineRefusal(at + ".reason", Ineligibility.REASON_NOT_OFFERED, line.reason().name()));
            }
            LineEligibility e = bySku.get(line.sku());
            if (e == null) {
                out.add(new LineRefusal(at + ".sku", Ineligibility.UNKNOWN_PRODUCT, line.sku()));
                continue;
            }
            if (!e.reasons().isEmpty()) {
                for (Ineligibility reason : e.reasons()) {
                    out.add(new LineRefusal(at, reason, detail(reason, e)));
                }
                continue;
            }
            int total = asked.merge(line.sku(), line.quantity(), Integer::sum);
            if (total > e.returnable()) {
                out.add(new LineRefusal(at + ".quantity", Ineligibility.QUANTITY_EXCEEDED,
                        "at most " + e.returnable() + " of " + e.sku()));
            }
        }
        return out;
    }

    private static String detail(Ineligibility reason, LineEligibility e) {
        return switch (reason) {
            case WINDOW_CLOSED -> e.sku() + " (until " + e.returnableUntil() + ")";
            case NON_RETURNABLE_CATEGORY -> e.sku() + " (" + e.category() + ")";
            default -> e.sku();
        };
    }
}
