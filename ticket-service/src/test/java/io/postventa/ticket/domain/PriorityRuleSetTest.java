package io.postventa.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;

class PriorityRuleSetTest {
    private final PriorityRuleSet rules = PriorityRuleSet.defaults();

    private TicketPriority of(ContactReason reason, ContactChannel channel, boolean repeat, String total, boolean delayed) {
        return rules.evaluate(new PriorityInput(reason, channel, repeat, total == null ? null : new BigDecimal(total), delayed));
    }

    @Test
    void preSaleRanksAboveNoise() {
        assertEquals(TicketPriority.LOW, of(ContactReason.OTHER, ContactChannel.EMAIL, false, null, false));
        assertEquals(TicketPriority.NORMAL, of(ContactReason.PRE_SALE, ContactChannel.EMAIL, false, null, false));
    }

    @Test
    void aDelayedOrderRaisesWhereIsMyOrder() {
        assertEquals(TicketPriority.NORMAL, of(ContactReason.WHERE_IS_MY_ORDER, ContactChannel.EMAIL, false, "50", false));
        assertEquals(TicketPriority.HIGH, of(ContactReason.WHERE_IS_MY_ORDER, ContactChannel.EMAIL, false, "50", true));
    }

    @Test
    void aValuableRepeatCustomerWithABrokenItemIsUrgent() {
        assertEquals(TicketPriority.HIGH, of(ContactReason.DAMAGED_ITEM, ContactChannel.EMAIL, false, "50", false));
        assertEquals(TicketPriority.URGENT, of(ContactReason.DAMAGED_ITEM, ContactChannel.SOCIAL, true, "250", false));
    }

    @Test
    void orderTotalRuleCountsFromItsThreshold() {
        var set = new PriorityRuleSet(1, List.of(new PriorityRule(PriorityRule.Condition.ORDER_TOTAL_AT_LEAST, "200", 10)), 10, 20, 30);
        assertEquals(TicketPriority.NORMAL, set.evaluate(new PriorityInput(ContactReason.OTHER, null, false, new BigDecimal("200.00"), false)));
        assertEquals(TicketPriority.LOW, set.evaluate(new PriorityInput(ContactReason.OTHER, null, false, new BigDecimal("199.99"), false)));
        assertEquals(TicketPriority.LOW, set.evaluate(new PriorityInput(ContactReason.OTHER, null, false, null, false)));
    }

    @Test
    void validationNamesTheBadRule() {
        var bad = new PriorityRuleSet(2, List.of(new PriorityRule(PriorityRule.Condition.REASON, "NOISE", 5),
                new PriorityRule(PriorityRule.Condition.ORDER_TOTAL_AT_LEAST, "lots", 5)), 30, 20, 10);
        var problems = bad.validate().stream().map(p -> p[0]).toList();
        assertTrue(problems.contains("rules[0].value"), "expected rules[0].value to be refused, got " + problems);
        assertTrue(problems.contains("rules[1].value"), "expected rules[1].value to be refused, got " + problems);
        assertTrue(problems.contains("highFrom"), "expected decreasing thresholds to be refused, got " + problems);
        assertFalse(PriorityRuleSet.defaults().validate().iterator().hasNext(), "defaults must be valid");
    }
}
