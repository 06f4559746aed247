package io.postventa.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class QuietHoursTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));

    @Test
    void aWindowOverMidnightCoversLateEveningAndEarlyMorning() {
        assertTrue(night.contains(LocalTime.of(23, 30)));
        assertTrue(night.contains(LocalTime.of(2, 0)));
        assertTrue(night.contains(LocalTime.of(22, 0)), "start is inclusive");
        assertFalse(night.contains(LocalTime.of(8, 0)), "end is exclusive");
        assertFalse(night.contains(LocalTime.of(12, 0)));
    }

    @Test
    void aMessageAtNightWaitsUntilTheNextMorning() {
        ZonedDateTime lateEvening = ZonedDateTime.of(2026, 3, 5, 23, 15, 0, 0, MADRID);
        assertEquals(ZonedDateTime.of(2026, 3, 6, 8, 0, 0, 0, MADRID), night.nextAllowed(lateEvening));
        ZonedDateTime earlyMorning = ZonedDateTime.of(2026, 3, 6, 6, 0, 0, 0, MADRID);
        assertEquals(ZonedDateTime.of(2026, 3, 6, 8, 0, 0, 0, MADRID), night.nextAllowed(earlyMorning));
    }

    @Test
    void outsideTheWindowAMessageGoesAtOnce() {
        ZonedDateTime noon = ZonedDateTime.of(2026, 3, 5, 12, 0, 0, 0, MADRID);
        assertEquals(noon, night.nextAllowed(noon));
    }

    @Test
    void aDaytimeWindowWorksToo() {
        QuietHours siesta = new QuietHours(LocalTime.of(14, 0), LocalTime.of(16, 0));
        assertTrue(siesta.contains(LocalTime.of(15, 0)));
        assertFalse(siesta.contains(LocalTime.of(23, 0)));
    }
}
