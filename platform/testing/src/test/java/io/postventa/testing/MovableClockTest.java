package io.postventa.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class MovableClockTest {
    private final MovableClock clock = new MovableClock();

    @Test
    void untilMovedItTellsRealTimeInUtc() {
        Instant before = Instant.now();
        Instant told = clock.instant();
        assertTrue(!told.isBefore(before) && !told.isAfter(Instant.now()), told + " is now");
        assertEquals(ZoneId.of("Z"), clock.getZone());
    }

    @Test
    void aPinnedClockStandsStillAndMovesOnlyWhenAdvanced() {
        Instant monday = Instant.parse("2026-12-07T15:00:00Z");
        clock.set(monday);
        assertEquals(monday, clock.instant());
        clock.advance(Duration.ofHours(2));
        assertEquals(monday.plus(Duration.ofHours(2)), clock.instant());
        assertEquals(monday.plus(Duration.ofHours(2)), clock.instant(), "still standing");
    }

    @Test
    void aRunningClockAdvancedKeepsRunningAheadOfRealTime() {
        clock.advance(Duration.ofDays(1));
        Instant lowest = Instant.now().plus(Duration.ofDays(1));
        Instant told = clock.instant();
        assertTrue(!told.isBefore(lowest) && !told.isAfter(Instant.now().plus(Duration.ofDays(1))),
                told + " is a day ahead of now");
    }

    @Test
    void resetGivesRealTimeBack() {
        clock.set(Instant.parse("2020-01-01T00:00:00Z"));
        clock.advance(Duration.ofDays(3));
        clock.reset();
        Instant before = Instant.now();
        assertTrue(!clock.instant().isBefore(before));
    }

    @Test
    void theClockInAnotherZoneFollowsLaterMoves() {
        Clock madrid = clock.withZone(ZoneId.of("Europe/Madrid"));
        clock.set(Instant.parse("2026-12-07T15:00:00Z"));
        assertEquals(Instant.parse("2026-12-07T15:00:00Z"), madrid.instant());
        assertEquals(ZoneId.of("Europe/Madrid"), madrid.getZone());
        assertEquals(16, java.time.LocalTime.now(madrid).getHour());
    }
}
