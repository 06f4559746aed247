package io.postventa.ticket.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;

/**
 * Priority as data: every matching rule adds its points, and the sum against three thresholds gives LOW, NORMAL,
 * HIGH or URGENT. Stored versioned and edited by an admin; {@link #validate()} says what is wrong with an edit.
 */
public record PriorityRuleSet(int version, List<PriorityRule> rules, int normalFrom, int highFrom, int urgentFrom) {

    public PriorityRuleSet {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The sum of the points of every rule that holds. */
    public int score(PriorityInput input) {
        int score = 0;
        for (PriorityRule rule : rules) {
            if (holds(rule, input)) {
                score += rule.points();
            }
        }
        return score;
    }

    public TicketPriority evaluate(PriorityInput input) {
        int score = score(input);
        if (score >= urgentFrom) {
            return TicketPriority.URGENT;
        }
        if (score >= highFrom) {
            return TicketPriority.HIGH;
        }
        if (score >= normalFrom) {
            return TicketPriority.NORMAL;
        }
        return TicketPriority.LOW;
    }

    private static boolean holds(PriorityRule rule, PriorityInput input) {
        return switch (rule.when()) {
            case REASON -> input.reason() != null && input.reason().name().equals(rule.value());
            case CHANNEL -> input.channel() != null && input.channel().name().equals(rule.value());
            case REPEAT_CUSTOMER -> input.repeatCustomer();
            case ORDER_TOTAL_AT_LEAST -> input.orderTotal() != null
                    && input.orderTotal().compareTo(new BigDecimal(rule.value())) >= 0;
            case ORDER_DELAYED -> input.orderDelayed();
        };
    }

    /** Every problem of this rule set as "field: message"; empty when it can be saved. */
    public List<String[]> validate() {
        List<String[]> problems = new ArrayList<>();
        if (!(normalFrom <= highFrom && highFrom <= urgentFrom)) {
            problems.add(new String[] {"highFrom", "thresholds must grow: normalFrom <= highFrom <= urgentFrom"});
        }
        for (int i = 0; i < rules.size(); i++) {
            PriorityRule rule = rules.get(i);
            String field = "rules[" + i + "]";
            if (rule.when() == null) {
                problems.add(new String[] {field + ".when", "is required"});
                continue;
            }
            switch (rule.when()) {
                case REASON -> {
                    if (!isEnum(ContactReason.class, rule.value())) {
                        problems.add(new String[] {field + ".value", "must be a contact reason"});
                    }
                }
                case CHANNEL -> {
                    if (!isEnum(ContactChannel.class, rule.value())) {
                        problems.add(new String[] {field + ".value", "must be a channel"});
                    }
                }
                case ORDER_TOTAL_AT_LEAST -> {
                    try {
                        if (new BigDecimal(rule.value()).signum() < 0) {
                            problems.add(new String[] {field + ".value", "must be 0 or more"});
                        }
                    } catch (RuntimeException e) {
                        problems.add(new String[] {field + ".value", "must be an amount"});
                    }
                }
                default -> {
                }
            }
        }
        return problems;
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
        try {
            Enum.valueOf(type, value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The shipped rules: what hurts the customer most ranks first (damaged, wrong or missing items, an address
     * change before shipping), a pre-sale question (a sale at stake) ranks above noise, and a delay, a repeat
     * customer, a big basket or a public channel each raise it.
     */
    public static PriorityRuleSet defaults() {
        List<PriorityRule> rules = List.of(
                new PriorityRule(PriorityRule.Condition.REASON, "DAMAGED_ITEM", 35),
                new PriorityRule(PriorityRule.Condition.REASON, "WRONG_ITEM", 35),
                new PriorityRule(PriorityRule.Condition.REASON, "MISSING_PARTS", 30),
                new PriorityRule(PriorityRule.Condition.REASON, "CHANGE_ADDRESS", 35),
                new PriorityRule(PriorityRule.Condition.REASON, "MODIFY_ORDER", 25),
                new PriorityRule(PriorityRule.Condition.REASON, "WHERE_IS_MY_ORDER", 20),
                new PriorityRule(PriorityRule.Condition.REASON, "PRE_SALE", 20),
                new PriorityRule(PriorityRule.Condition.REASON, "RETURN_REQUEST", 15),
                new PriorityRule(PriorityRule.Condition.REASON, "PRODUCT_QUESTION", 15),
                new PriorityRule(PriorityRule.Condition.REASON, "INVOICE_COPY", 10),
                new PriorityRule(PriorityRule.Condition.REPEAT_CUSTOMER, null, 10),
                new PriorityRule(PriorityRule.Condition.ORDER_TOTAL_AT_LEAST, "200", 10),
                new PriorityRule(PriorityRule.Condition.ORDER_DELAYED, null, 20),
                new PriorityRule(PriorityRule.Condition.CHANNEL, "SOCIAL", 10),
                new PriorityRule(PriorityRule.Condition.CHANNEL, "PHONE", 5),
                new PriorityRule(PriorityRule.Condition.CHANNEL, "CHAT", 5));
        return new PriorityRuleSet(1, rules, 10, 35, 60);
    }
}
