package io.postventa.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;

class SlaClockTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /** 9 to 18 on weekdays; 8 December 2026 (Tuesday) is a holiday. */
    private final BusinessCalendar office = BusinessCalendar.weekdays(MADRID, 9, 18, Set.of(LocalDate.of(2026, 12, 8)));

    private static Instant madrid(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, MADRID).toInstant();
    }

    @Test
    void twentyFourHoursRoundTheClockIsTheNextDay() {
        var calendar = BusinessCalendar.alwaysOpen(MADRID);
        var clock = SlaClock.startAt(madrid(12, 4, 10, 0));
        assertEquals(madrid(12, 5, 10, 0), clock.dueAt(calendar, Duration.ofHours(24)));
    }

    @Test
    void afterHoursContactStartsCountingAtOpening() {
        // Friday 20:00 -> Monday 9:00 opening; 4 h target -> Monday 13:00
        var clock = SlaClock.startAt(madrid(12, 4, 20, 0));
        assertEquals(madrid(12, 7, 13, 0), clock.dueAt(office, Duration.ofHours(4)));
    }

    @Test
    void dueTimeSkipsWeekendsAndHolidays() {
        // Monday 7 Dec 16:00, 8 working hours: 2 h on Monday, Tuesday 8 is a holiday, 6 h on Wednesday -> 15:00
        var clock = SlaClock.startAt(madrid(12, 7, 16, 0));
        assertEquals(madrid(12, 9, 15, 0), clock.dueAt(office, Duration.ofHours(8)));
    }

    @Test
    void workingTimeBetweenCountsOnlyOpenHours() {
        assertEquals(Duration.ofHours(9 + 2), office.businessTimeBetween(madrid(12, 4, 9, 0), madrid(12, 7, 11, 0)));
        assertEquals(Duration.ZERO, office.businessTimeBetween(madrid(12, 8, 9, 0), madrid(12, 8, 18, 0)));
    }

    @Test
    void pausedTimePushesTheDueTimeBack() {
        var clock = SlaClock.startAt(madrid(12, 9, 9, 0));
        assertEquals(madrid(12, 9, 13, 0), clock.dueAt(office, Duration.ofHours(4)));
        clock = clock.pause(madrid(12, 9, 10, 0));
        assertTrue(clock.isPaused());
        assertNull(clock.dueAt(office, Duration.ofHours(4)), "a paused clock has no due time");
        clock = clock.resume(office, madrid(12, 9, 12, 0));
        assertEquals(Duration.ofHours(2), clock.paused());
        assertEquals(madrid(12, 9, 15, 0), clock.dueAt(office, Duration.ofHours(4)));
    }

    @Test
    void aPausedClockCannotBreach() {
        var clock = SlaClock.startAt(madrid(12, 9, 9, 0)).pause(madrid(12, 9, 10, 0));
        assertFalse(clock.isBreached(office, Duration.ofHours(4), madrid(12, 11, 17, 0)));
        assertEquals(Duration.ofHours(1), clock.elapsed(office, madrid(12, 11, 17, 0)));
    }

    @Test
    void breachedOnlyAfterTheTargetHasRun() {
        var clock = SlaClock.startAt(madrid(12, 9, 9, 0));
        assertFalse(clock.isBreached(office, Duration.ofHours(4), madrid(12, 9, 13, 0)));
        assertTrue(clock.isBreached(office, Duration.ofHours(4), madrid(12, 9, 13, 1)));
    }

    @Test
    void theMostSpecificPolicyWins() {
        var any = new SlaPolicy("any", null, null, Duration.ofHours(24), Duration.ofHours(72), office, false, false);
        var urgent = new SlaPolicy("urgent", TicketPriority.URGENT, null, Duration.ofHours(1), Duration.ofHours(8), office, false, false);
        var urgentChat = new SlaPolicy("urgent-chat", TicketPriority.URGENT, ContactChannel.CHAT, Duration.ofMinutes(5), Duration.ofHours(4), office, false, false);
        var fallback = SlaPolicy.defaultPolicy(MADRID);
        var policies = List.of(any, urgent, urgentChat);
        assertEquals("urgent-chat", SlaPolicy.select(policies, TicketPriority.URGENT, ContactChannel.CHAT, fallback).id());
        assertEquals("urgent", SlaPolicy.select(policies, TicketPriority.URGENT, ContactChannel.EMAIL, fallback).id());
        assertEquals("any", SlaPolicy.select(policies, TicketPriority.LOW, ContactChannel.EMAIL, fallback).id());
        assertEquals("default", SlaPolicy.select(List.of(), TicketPriority.LOW, null, fallback).id());
        assertEquals(Duration.ofHours(24), fallback.firstResponse());
    }
}
