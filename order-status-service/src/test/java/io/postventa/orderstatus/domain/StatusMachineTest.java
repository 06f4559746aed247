package io.postventa.orderstatus.domain;

import static io.postventa.events.common.OrderStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.postventa.events.common.OrderStatus;

class StatusMachineTest {
    private static final Instant SINCE = Instant.parse("2026-03-03T10:00:00Z");
    private static final Instant LATER = SINCE.plusSeconds(3600);
    private static final Instant EARLIER = SINCE.minusSeconds(3600);

    private static Outcome outcome(OrderStatus current, OrderStatus progress, OrderStatus incoming, Instant at) {
        return StatusMachine.decide(current, progress, SINCE, incoming, at).outcome();
    }

    @Test
    void eachStepForwardOnTheMainLineIsARealTransition() {
        OrderStatus[] line = {PLACED, PAID, PACKED, SHIPPED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, RETURNED};
        for (int i = 1; i < line.length; i++) {
            assertEquals(Outcome.APPLIED, outcome(line[i - 1], line[i - 1], line[i], LATER),
                    line[i - 1] + " -> " + line[i] + " should be a real transition");
        }
    }

    @Test
    void skippedStepsAreFine() {
        assertEquals(Outcome.APPLIED, outcome(PLACED, PLACED, SHIPPED, LATER));
        assertEquals(Outcome.APPLIED, outcome(PAID, PAID, DELIVERED, LATER));
    }

    @Test
    void lateInTransitAfterDeliveredDoesNotRegress() {
        Transition t = StatusMachine.decide(DELIVERED, DELIVERED, SINCE, IN_TRANSIT, EARLIER);
        assertEquals(Outcome.STALE, t.outcome());
        assertEquals(DELIVERED, t.status());
    }

    @Test
    void anEarlierMainLineStatusIsStaleEvenWhenItCarriesALaterTime() {
        assertEquals(Outcome.STALE, outcome(OUT_FOR_DELIVERY, OUT_FOR_DELIVERY, PACKED, LATER));
    }

    @Test
    void theSameStatusAgainIsRecordedWithoutAChange() {
        assertEquals(Outcome.RECORDED, outcome(IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, LATER));
    }

    @Test
    void aShipmentExceptionIsADetourTheCarrierCanResumeFrom() {
        assertEquals(Outcome.APPLIED, outcome(IN_TRANSIT, IN_TRANSIT, EXCEPTION, LATER));
        Transition resumed = StatusMachine.decide(EXCEPTION, IN_TRANSIT, SINCE, IN_TRANSIT, LATER);
        assertEquals(Outcome.APPLIED, resumed.outcome());
        assertEquals(IN_TRANSIT, resumed.status());
    }

    @Test
    void aScanFromBeforeTheExceptionDoesNotEndIt() {
        assertEquals(Outcome.STALE, outcome(EXCEPTION, IN_TRANSIT, IN_TRANSIT, EARLIER));
        assertEquals(Outcome.STALE, outcome(EXCEPTION, IN_TRANSIT, SHIPPED, LATER));
    }

    @Test
    void aSecondDeliveryAttemptAfterAFailedOneIsReal() {
        assertEquals(Outcome.APPLIED, outcome(OUT_FOR_DELIVERY, OUT_FOR_DELIVERY, DELIVERY_FAILED, LATER));
        assertEquals(Outcome.APPLIED, outcome(DELIVERY_FAILED, OUT_FOR_DELIVERY, OUT_FOR_DELIVERY, LATER));
        assertEquals(Outcome.APPLIED, outcome(DELIVERY_FAILED, OUT_FOR_DELIVERY, AVAILABLE_FOR_PICKUP, LATER));
        assertEquals(Outcome.APPLIED, outcome(AVAILABLE_FOR_PICKUP, OUT_FOR_DELIVERY, DELIVERED, EARLIER));
    }

    @Test
    void aSideStateThatHappenedBeforeTheCurrentStatusIsLate() {
        assertEquals(Outcome.STALE, outcome(OUT_FOR_DELIVERY, OUT_FOR_DELIVERY, EXCEPTION, EARLIER));
    }

    @Test
    void nothingButAReturnFollowsDelivery() {
        assertEquals(Outcome.STALE, outcome(DELIVERED, DELIVERED, DELIVERY_FAILED, LATER));
        assertEquals(Outcome.STALE, outcome(DELIVERED, DELIVERED, EXCEPTION, LATER));
        assertEquals(Outcome.STALE, outcome(DELIVERED, DELIVERED, CANCELLED, LATER));
        assertEquals(Outcome.APPLIED, outcome(DELIVERED, DELIVERED, RETURNED, LATER));
    }

    @Test
    void cancelledAndReturnedAreFinal() {
        assertEquals(Outcome.APPLIED, outcome(PACKED, PACKED, CANCELLED, LATER));
        assertEquals(Outcome.FINAL, outcome(CANCELLED, PACKED, SHIPPED, LATER));
        assertEquals(Outcome.FINAL, outcome(RETURNED, RETURNED, DELIVERED, LATER));
        assertEquals(Outcome.FINAL, outcome(CANCELLED, PACKED, CANCELLED, LATER));
    }

    @Test
    void aSideStateKeepsTheProgressSoItNeverLowersIt() {
        Transition t = StatusMachine.decide(OUT_FOR_DELIVERY, OUT_FOR_DELIVERY, SINCE, EXCEPTION, LATER);
        assertEquals(OUT_FOR_DELIVERY, t.progress());
        assertEquals(Outcome.STALE, outcome(EXCEPTION, OUT_FOR_DELIVERY, IN_TRANSIT, LATER.plusSeconds(60)));
    }
}
