package io.postventa.returns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.common.ReturnReason;
import io.postventa.events.returns.ReturnResolution;

class ReturnEligibilityTest {
    private static final Instant DELIVERED = Instant.parse("2026-03-05T17:45:00Z");
    private final ReturnPolicy policy = ReturnPolicy.defaults();
    private final OrderFacts order = new OrderFacts("ORD-1", "C-1", OrderStatus.DELIVERED, DELIVERED, "EUR", List.of(
            new OrderLine("TSHIRT", "T-shirt", "apparel", new BigDecimal("19.90"), 2),
            new OrderLine("SOFA", "Sofa", "furniture", new BigDecimal("600"), 1),
            new OrderLine("CARD", "Gift card", "gift-cards", new BigDecimal("50"), 1)));

    private static Instant day(int n) {
        return DELIVERED.plus(Duration.ofDays(n));
    }

    private LineEligibility line(List<LineEligibility> all, String sku) {
        return all.stream().filter(l -> l.sku().equals(sku)).findFirst().orElseThrow();
    }

    @Test
    void withinTheWindowEveryDeliveredUnitCanBeReturnedUntilTheWindowEnds() {
        List<LineEligibility> e = ReturnEligibility.evaluate(policy, order, Map.of(), day(10));
        LineEligibility shirt = line(e, "TSHIRT");
        assertEquals(2, shirt.returnable());
        assertEquals(day(30), shirt.returnableUntil());
        assertEquals(List.of(), shirt.reasons());
    }

    @Test
    void categoryOverrideKeepsTheWindowOpenLonger() {
        List<LineEligibility> e = ReturnEligibility.evaluate(policy, order, Map.of(), day(100));
        assertEquals(List.of(Ineligibility.WINDOW_CLOSED), line(e, "TSHIRT").reasons());
        assertEquals(1, line(e, "SOFA").returnable());
        assertEquals(day(365), line(e, "SOFA").returnableUntil());
    }

    @Test
    void nonReturnableCategoryIsRefusedWithItsReason() {
        List<LineEligibility> e = ReturnEligibility.evaluate(policy, order, Map.of(), day(1));
        assertEquals(List.of(Ineligibility.NON_RETURNABLE_CATEGORY), line(e, "CARD").reasons());
        assertEquals(0, line(e, "CARD").returnable());
    }

    @Test
    void alreadyReturnedUnitsAreSubtracted() {
        List<LineEligibility> e = ReturnEligibility.evaluate(policy, order, Map.of("TSHIRT", 1, "SOFA", 1), day(1));
        assertEquals(1, line(e, "TSHIRT").returnable());
        assertEquals(List.of(Ineligibility.NOTHING_LEFT), line(e, "SOFA").reasons());
    }

    @Test
    void undeliveredOrderCannotBeReturned() {
        OrderFacts shipped = new OrderFacts("O", "C", OrderStatus.SHIPPED, null, "EUR", order.lines());
        List<LineEligibility> e = ReturnEligibility.evaluate(policy, shipped, Map.of(), day(1));
        assertTrue(e.stream().allMatch(l -> l.reasons().contains(Ineligibility.NOT_DELIVERED)));
    }

    @Test
    void requestRefusesEachOffendingLineByItsPath() {
        List<LineEligibility> e = ReturnEligibility.evaluate(policy, order, Map.of("TSHIRT", 1), day(1));
        List<LineRefusal> refusals = ReturnEligibility.check(policy, e, List.of(
                new RequestedLine("TSHIRT", 2, ReturnReason.SIZE_FIT),
                new RequestedLine("CARD", 1, ReturnReason.CHANGED_MIND),
                new RequestedLine("NOPE", 1, ReturnReason.OTHER),
                new RequestedLine("SOFA", 1, ReturnReason.DAMAGED)), ReturnResolution.REFUND);
        assertEquals(List.of("lines[0].quantity", "lines[1]", "lines[2].sku"),
                refusals.stream().map(LineRefusal::field).toList());
        assertEquals(List.of(Ineligibility.QUANTITY_EXCEEDED, Ineligibility.NON_RETURNABLE_CATEGORY,
                Ineligibility.UNKNOWN_PRODUCT), refusals.stream().map(LineRefusal::reason).toList());
    }

    @Test
    void theSameSkuTwiceCountsTogether() {
        List<LineEligibility> e = ReturnEligibility.evaluate(policy, order, Map.of(), day(1));
        List<LineRefusal> refusals = ReturnEligibility.check(policy, e, List.of(
                new RequestedLine("TSHIRT", 1, ReturnReason.SIZE_FIT), new RequestedLine("TSHIRT", 2, ReturnReason.SIZE_FIT)),
                ReturnResolution.REFUND);
        assertEquals(List.of("lines[1].quantity"), refusals.stream().map(LineRefusal::field).toList());
    }

    @Test
    void reasonsAndResolutionsMustBeOffered() {
        ReturnPolicy narrow = new ReturnPolicy(30, Map.of(), List.of(), List.of(ReturnReason.DAMAGED),
                List.of(ReturnResolution.REFUND), true, null);
        List<LineEligibility> e = ReturnEligibility.evaluate(narrow, order, Map.of(), day(1));
        List<LineRefusal> refusals = ReturnEligibility.check(narrow, e,
                List.of(new RequestedLine("TSHIRT", 1, ReturnReason.CHANGED_MIND)), ReturnResolution.EXCHANGE);
        assertEquals(List.of("preferredResolution", "lines[0].reason"), refusals.stream().map(LineRefusal::field).toList());
    }
}
