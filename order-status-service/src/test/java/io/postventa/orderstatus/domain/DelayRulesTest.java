package io.postventa.orderstatus.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.postventa.events.common.OrderStatus;
import io.postventa.events.orderstatus.DelayCause;

class DelayRulesTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Duration SILENCE = Duration.ofHours(48);
    private static final LocalDate PROMISED = LocalDate.parse("2026-03-05");

    @Test
    void thePromisedDayItselfIsNotLateTheNextDayIs() {
        Instant lastMinuteOfPromisedDay = Instant.parse("2026-03-05T22:59:00Z");
        Instant nextDay = Instant.parse("2026-03-05T23:01:00Z");
        assertEquals(Set.of(), DelayRules.due(OrderStatus.PACKED, PROMISED, null, lastMinuteOfPromisedDay, MADRID, SILENCE));
        assertEquals(Set.of(DelayCause.PROMISED_DATE_PASSED),
                DelayRules.due(OrderStatus.PACKED, PROMISED, null, nextDay, MADRID, SILENCE));
    }

    @Test
    void aDeliveredOrderIsNeverLate() {
        assertEquals(Set.of(), DelayRules.due(OrderStatus.DELIVERED, PROMISED, null,
                Instant.parse("2026-04-01T00:00:00Z"), MADRID, SILENCE));
    }

    @Test
    void carrierSilenceCountsOnlyWhileWithTheCarrier() {
        Instant scan = Instant.parse("2026-03-03T10:00:00Z");
        Instant quietTooLong = scan.plus(SILENCE).plusSeconds(1);
        assertEquals(Set.of(DelayCause.NO_CARRIER_SCAN),
                DelayRules.due(OrderStatus.IN_TRANSIT, null, scan, quietTooLong, MADRID, SILENCE));
        assertEquals(Set.of(), DelayRules.due(OrderStatus.IN_TRANSIT, null, scan, scan.plus(SILENCE), MADRID, SILENCE));
        assertEquals(Set.of(), DelayRules.due(OrderStatus.AVAILABLE_FOR_PICKUP, null, scan, quietTooLong, MADRID, SILENCE));
    }

    @Test
    void anExceptionIsADelay() {
        assertEquals(Set.of(DelayCause.SHIPMENT_EXCEPTION),
                DelayRules.due(OrderStatus.EXCEPTION, null, null, Instant.parse("2026-03-03T10:00:00Z"), MADRID, SILENCE));
    }
}
