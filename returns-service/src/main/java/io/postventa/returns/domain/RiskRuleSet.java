package io.postventa.returns.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.postventa.events.common.ReturnReason;
import io.postventa.events.returns.ReturnOutcome;

/**
 * The risk matrix's rules and thresholds as data (stored and versioned by the service; the version
 * is kept beside it).
 *
 * @param reviewFrom          a score at or above this goes to REVIEW
 * @param rejectFrom          a score at or above this is REJECTED; optional (never reject automatically)
 * @param categoryRisk        points per product category (lower case); the riskiest returned category counts
 * @param defaultCategoryRisk points for a category not in the map
 * @param reasonRisk          points per return reason; the riskiest reason of the request counts
 * @param rules               condition rules, evaluated in order
 */
public record RiskRuleSet(
        BigDecimal reviewFrom,
        BigDecimal rejectFrom,
        Map<String, BigDecimal> categoryRisk,
        BigDecimal defaultCategoryRisk,
        Map<ReturnReason, BigDecimal> reasonRisk,
        List<RiskRule> rules) {

    static final BigDecimal MAX_POINTS = BigDecimal.valueOf(1000);
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    public RiskRuleSet {
        categoryRisk = categoryRisk == null ? Map.of() : lowerCaseKeys(categoryRisk);
        defaultCategoryRisk = Numbers.orZero(defaultCategoryRisk);
        reasonRisk = reasonRisk == null ? Map.of() : new TreeMap<>(reasonRisk);
        rules = rules == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(rules));
    }

    private static Map<String, BigDecimal> lowerCaseKeys(Map<String, BigDecimal> map) {
        Map<String, BigDecimal> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k == null ? null : k.trim().toLowerCase(Locale.ROOT), v));
        return out;
    }

    /** Points of a category (case-insensitive). */
    public BigDecimal categoryPoints(String category) {
        BigDecimal points = category == null ? null : categoryRisk.get(category.trim().toLowerCase(Locale.ROOT));
        return points == null ? defaultCategoryRisk : points;
    }

    public BigDecimal reasonPoints(ReturnReason reason) {
        return Numbers.orZero(reasonRisk.get(reason));
    }

    /** Everything wrong with this rule set, each naming its field; empty when it may be put in force. */
    public List<Violation> validate() {
        List<Violation> out = new ArrayList<>();
        if (reviewFrom == null) {
            out.add(new Violation("reviewFrom", "is required"));
        } else if (reviewFrom.signum() <= 0 || reviewFrom.compareTo(MAX_POINTS) > 0) {
            out.add(new Violation("reviewFrom", "must be above 0 and at most " + MAX_POINTS));
        }
        if (rejectFrom != null && reviewFrom != null && rejectFrom.compareTo(reviewFrom) <= 0) {
            out.add(new Violation("rejectFrom", "must be above reviewFrom (" + Numbers.plain(reviewFrom) + ")"));
        }
        points("defaultCategoryRisk", defaultCategoryRisk, out);
        categoryRisk.forEach((category, points) -> {
            if (category == null || category.isBlank()) {
                out.add(new Violation("categoryRisk", "category names must not be blank"));
            } else {
                points("categoryRisk." + category, points, out);
            }
        });
        reasonRisk.forEach((reason, points) -> points("reasonRisk." + reason, points, out));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RiskRule rule = rules.get(i);
            String at = "rules[" + i + "]";
            if (rule == null) {
                out.add(new Violation(at, "must not be null"));
                continue;
            }
            if (rule.id() == null || !RULE_ID.matcher(rule.id()).matches()) {
                out.add(new Violation(at + ".id", "must be 1 to 60 lower-case letters, digits or '-'"));
            } else if (!ids.add(rule.id())) {
                out.add(new Violation(at + ".id", "'" + rule.id() + "' is used by another rule"));
            }
            if (rule.description() == null || rule.description().isBlank() || rule.description().length() > 200) {
                out.add(new Violation(at + ".description", "must be 1 to 200 characters"));
            }
            if (rule.points() == null) {
                out.add(new Violation(at + ".points", "is required"));
            } else {
                points(at + ".points", rule.points(), out);
            }
            if (rule.when() == null || rule.when().isEmpty() || rule.when().size() > 5) {
                out.add(new Violation(at + ".when", "must have 1 to 5 conditions"));
                continue;
            }
            for (int j = 0; j < rule.when().size(); j++) {
                Condition c = rule.when().get(j);
                String cat = at + ".when[" + j + "]";
                if (c == null) {
                    out.add(new Violation(cat, "must not be null"));
                    continue;
                }
                if (c.factor() == null) {
                    out.add(new Violation(cat + ".factor", "is required"));
                }
                if (c.op() == null) {
                    out.add(new Violation(cat + ".op", "is required"));
                }
                if (c.value() == null || c.value().signum() < 0) {
                    out.add(new Violation(cat + ".value", "is required and must be 0 or more"));
                } else if (c.factor() == Factor.RETURN_RATE_12_MONTHS && c.value().compareTo(BigDecimal.ONE) > 0) {
                    out.add(new Violation(cat + ".value", "a return rate is between 0 and 1"));
                }
            }
        }
        return out;
    }

    private static void points(String field, BigDecimal points, List<Violation> out) {
        if (points == null) {
            out.add(new Violation(field, "is required"));
        } else if (points.abs().compareTo(MAX_POINTS) > 0) {
            out.add(new Violation(field, "must be between -" + MAX_POINTS + " and " + MAX_POINTS));
        }
    }

    /** The rule set a new installation starts with (version 1). */
    public static RiskRuleSet defaults() {
        Map<String, BigDecimal> categories = new LinkedHashMap<>();
        categories.put("electronics", bd(25));
        categories.put("jewelry", bd(30));
        categories.put("luxury", bd(30));
        categories.put("cosmetics", bd(15));
        categories.put("apparel", bd(0));
        categories.put("footwear", bd(0));
        categories.put("books", bd(0));
        Map<ReturnReason, BigDecimal> reasons = new LinkedHashMap<>();
        reasons.put(ReturnReason.CHANGED_MIND, bd(10));
        reasons.put(ReturnReason.OTHER, bd(10));
        reasons.put(ReturnReason.NOT_AS_DESCRIBED, bd(5));
        reasons.put(ReturnReason.DEFECTIVE, bd(5));
        reasons.put(ReturnReason.MISSING_PARTS, bd(5));
        reasons.put(ReturnReason.DAMAGED, bd(5));
        reasons.put(ReturnReason.SIZE_FIT, bd(0));
        reasons.put(ReturnReason.WRONG_ITEM, bd(0));
        reasons.put(ReturnReason.LATE_DELIVERY, bd(0));
        List<RiskRule> rules = List.of(
                rule("high-unit-price", "Expensive item", bd(25), null, c(Factor.UNIT_PRICE, Comparison.GT, 300)),
                rule("high-total-value", "High-value return", bd(20), null, c(Factor.TOTAL_VALUE, Comparison.GT, 500)),
                rule("very-high-total-value", "Very high-value return always gets a person's look", bd(0),
                        ReturnOutcome.REVIEW, c(Factor.TOTAL_VALUE, Comparison.GT, 2000)),
                rule("new-customer", "New customer (first purchase)", bd(20), null,
                        c(Factor.PURCHASE_COUNT, Comparison.LTE, 1)),
                rule("repeat-customer", "Repeat customer with no returns in 12 months", bd(-10), null,
                        c(Factor.PURCHASE_COUNT, Comparison.GTE, 2), c(Factor.RETURNS_LAST_12_MONTHS, Comparison.EQ, 0)),
                rule("many-returns", "Many returns in 12 months", bd(25), null,
                        c(Factor.RETURNS_LAST_12_MONTHS, Comparison.GTE, 3)),
                rule("high-return-rate", "High return rate", bd(25), null,
                        c(Factor.RETURN_RATE_12_MONTHS, Comparison.GT, 0.5)),
                rule("open-returns-value", "Other returns still open", bd(15), null,
                        c(Factor.OPEN_RETURNS_VALUE, Comparison.GT, 300)),
                rule("late-in-window", "Requested late after delivery", bd(10), null,
                        c(Factor.DAYS_SINCE_DELIVERY, Comparison.GT, 25)));
        return new RiskRuleSet(bd(40), bd(150), categories, bd(5), reasons, rules);
    }

    private static BigDecimal bd(long value) {
        return BigDecimal.valueOf(value);
    }

    private static Condition c(Factor factor, Comparison op, double value) {
        return new Condition(factor, op, Numbers.normalize(BigDecimal.valueOf(value)));
    }

    private static RiskRule rule(String id, String description, BigDecimal points, ReturnOutcome atLeast, Condition... when) {
        return new RiskRule(id, description, List.of(when), points, atLeast);
    }
}
