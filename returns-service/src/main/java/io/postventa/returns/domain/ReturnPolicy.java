package io.postventa.returns.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.postventa.events.common.ReturnReason;
import io.postventa.events.returns.ReturnResolution;

/**
 * The store's return policy (stored and versioned by the service; the version is kept beside it).
 *
 * @param returnWindowDays        days from delivery a return may be requested
 * @param categoryWindowDays      per-category windows (lower-case category), e.g. 365 for furniture
 * @param nonReturnableCategories categories that cannot be returned (lower case)
 * @param reasons                 return reasons offered to customers
 * @param resolutions             resolutions offered
 * @param freeReturnShipping      whether return shipping is free
 * @param returnShippingFee       what the customer pays when it is not free
 */
public record ReturnPolicy(
        Integer returnWindowDays,
        Map<String, Integer> categoryWindowDays,
        List<String> nonReturnableCategories,
        List<ReturnReason> reasons,
        List<ReturnResolution> resolutions,
        Boolean freeReturnShipping,
        BigDecimal returnShippingFee) {

    public static final int MAX_WINDOW_DAYS = 3650;

    public ReturnPolicy {
        if (categoryWindowDays != null) {
            Map<String, Integer> lower = new TreeMap<>();
            categoryWindowDays.forEach((k, v) -> lower.put(k == null ? null : norm(k), v));
            categoryWindowDays = lower;
        } else {
            categoryWindowDays = Map.of();
        }
        nonReturnableCategories = nonReturnableCategories == null ? List.of()
                : nonReturnableCategories.stream().map(c -> c == null ? null : norm(c)).distinct().sorted(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).toList();
        reasons = reasons == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(reasons));
        resolutions = resolutions == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(resolutions));
    }

    private static String norm(String category) {
        return category.trim().toLowerCase(Locale.ROOT);
    }

    public int windowDaysFor(String category) {
        Integer days = category == null ? null : categoryWindowDays.get(norm(category));
        return days == null ? returnWindowDays : days;
    }

    public boolean isReturnable(String category) {
        return category == null || !nonReturnableCategories.contains(norm(category));
    }

    /** What the customer pays to send the return back. */
    public BigDecimal shippingFee() {
        return Boolean.TRUE.equals(freeReturnShipping) ? BigDecimal.ZERO : Numbers.orZero(returnShippingFee);
    }

    /** Everything wrong with this policy, each naming its field; empty when it may be put in force. */
    public List<Violation> validate() {
        List<Violation> out = new ArrayList<>();
        window("returnWindowDays", returnWindowDays, out);
        categoryWindowDays.forEach((category, days) -> {
            if (category == null || category.isBlank()) {
                out.add(new Violation("categoryWindowDays", "category names must not be blank"));
            } else {
                window("categoryWindowDays." + category, days, out);
            }
        });
        for (int i = 0; i < nonReturnableCategories.size(); i++) {
            String category = nonReturnableCategories.get(i);
            if (category == null || category.isBlank()) {
                out.add(new Violation("nonReturnableCategories[" + i + "]", "must not be blank"));
            }
        }
        if (reasons == null || reasons.isEmpty() || reasons.stream().anyMatch(java.util.Objects::isNull)) {
            out.add(new Violation("reasons", "must offer at least one reason"));
        }
        if (resolutions == null || resolutions.isEmpty() || resolutions.stream().anyMatch(java.util.Objects::isNull)) {
            out.add(new Violation("resolutions", "must offer at least one resolution"));
        }
        if (freeReturnShipping == null) {
            out.add(new Violation("freeReturnShipping", "is required"));
        } else if (!freeReturnShipping && (returnShippingFee == null || returnShippingFee.signum() < 0)) {
            out.add(new Violation("returnShippingFee", "is required and must be 0 or more when shipping is not free"));
        }
        if (returnShippingFee != null && (returnShippingFee.signum() < 0 || returnShippingFee.scale() > 2)) {
            out.add(new Violation("returnShippingFee", "must be 0 or more, with at most 2 decimals"));
        }
        return out;
    }

    private static void window(String field, Integer days, List<Violation> out) {
        if (days == null) {
            out.add(new Violation(field, "is required"));
        } else if (days < 1 || days > MAX_WINDOW_DAYS) {
            out.add(new Violation(field, "must be between 1 and " + MAX_WINDOW_DAYS + " days"));
        }
    }

    /** The policy a new installation starts with (version 1): 30 days, free returns, every reason and resolution. */
    public static ReturnPolicy defaults() {
        return new ReturnPolicy(30, Map.of("furniture", 365), List.of("gift-cards", "perishables"),
                List.of(ReturnReason.values()), List.of(ReturnResolution.values()), true, BigDecimal.ZERO);
    }
}
