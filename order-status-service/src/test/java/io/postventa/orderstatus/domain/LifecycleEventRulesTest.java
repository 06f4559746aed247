package io.postventa.orderstatus.domain;

import static io.postventa.orderstatus.domain.Events.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.postventa.events.orders.OrderLifecycleEventType;

class LifecycleEventRulesTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Duration SKEW = Duration.ofMinutes(5);

    @Test
    void deliveredBeforePlacedIsImpossible() {
        List<FieldProblem> problems = LifecycleEventRules.checkAgainstOrder(
                Events.event(OrderLifecycleEventType.SHIPMENT_DELIVERED, "O", T0.minusSeconds(86400)), T0, SKEW);
        assertEquals("occurredAt", problems.get(0).field());
        assertTrue(problems.get(0).message().contains("before the order was placed"), problems.toString());
    }

    @Test
    void aFewSecondsOfClockSkewAreTolerated() {
        assertTrue(LifecycleEventRules.checkAgainstOrder(
                Events.event(OrderLifecycleEventType.ORDER_PAID, "O", T0.minusSeconds(30)), T0, SKEW).isEmpty());
    }

    @Test
    void aPromiseBeforeThePlacementIsImpossible() {
        List<FieldProblem> problems = LifecycleEventRules.check(Events.placed("O", T0, LocalDate.parse("2026-03-01")),
                T0.plusSeconds(60), SKEW, MADRID);
        assertEquals("placed.promisedDeliveryDate", problems.get(0).field());
    }

    @Test
    void anEventFromTheFutureIsRefused() {
        List<FieldProblem> problems = LifecycleEventRules.check(
                Events.event(OrderLifecycleEventType.ORDER_PAID, "O", T0.plusSeconds(86400)), T0, SKEW, MADRID);
        assertEquals("occurredAt", problems.get(0).field());
    }

    @Test
    void aPlausibleEventPasses() {
        assertTrue(LifecycleEventRules.check(Events.placed("O", T0, LocalDate.parse("2026-03-05")), T0, SKEW, MADRID)
                .isEmpty());
    }
}
